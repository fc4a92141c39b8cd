from django.urls import path

from approvals import pdf_views, views

app_name = "approvals"

urlpatterns = [
    path("", views.InboxView.as_view(), name="inbox"),
    path("steps/<int:pk>/", views.DecideView.as_view(), name="decide"),
    path("decisions/<int:decision>/correct/", views.CorrectView.as_view(), name="correct"),
    path("deputies/", views.DeputiesView.as_view(), name="deputies"),
    path("record/<str:reference>/", views.RecordView.as_view(), name="record"),
    path("record/<str:reference>/pdf/", pdf_views.RecordPdfView.as_view(), name="record-pdf"),
    path("withdraw/<str:reference>/", views.WithdrawView.as_view(), name="withdraw"),
    path("renew/<str:reference>/", views.RenewView.as_view(), name="renew"),
    path("interest/<str:reference>/", views.InterestView.as_view(), name="interest"),
]
