"""The reviews app follows the register: a review's template saved or submitted moves the
review on, in the same transaction."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from register.models import FormResponse
from reviews.services import follow_form


@receiver(post_save, sender=FormResponse, dispatch_uid="reviews-follow-their-forms")
def review_follows_its_form(sender, instance, **kwargs):
    follow_form(instance)
