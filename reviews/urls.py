from django.urls import path  # noqa: F401  (each page of the reviews app adds its path here)

app_name = "reviews"

urlpatterns = []
