"""The governance assurance pages (G 6.10): the exercises, one year's progress, one return and
the annex for the Annual Governance Statement. Each view checks access, calls one service or
read in reviews/assurance.py, and renders."""

import itertools

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from register import formatting
from register.pdf import pdf_response
from register.policies import get_policy
from register.roles import REGISTER_MANAGERS, has_role
from register.security_log import security_event
from register.spreadsheets import csv_response, neutralised_rows
from register.views import ShortFormPage, apply_service_errors, short_form_page
from reviews import assurance
from reviews.assurance import NO_OFFICER
from reviews.assurance_forms import DirectorAssuranceForm, OfficerReturnForm, OpenExerciseForm
from reviews.models import AssuranceExercise, AssuranceStatus
from reviews.permissions import sees_every_review

NOT_FOLLOWED = (
    "The governance assurance is followed by the register owner, Directors, Internal Audit "
    "and Overview & Scrutiny; you see the returns asked of you."
)


class AssuranceListView(View):
    """Every year's exercise and the returns waiting on this person."""

    def get(self, request):
        return render(
            request,
            "reviews/assurance/list.html",
            {
                "exercises": AssuranceExercise.objects.all(),
                "owed": assurance.returns_owed_by(request.user),
                "manages": has_role(request.user, *REGISTER_MANAGERS),
            },
        )


class OpenExerciseView(View):
    """The register owner opens the year's exercise."""

    def dispatch(self, request, *args, **kwargs):
        if not has_role(request.user, *REGISTER_MANAGERS):
            raise PermissionDenied(assurance.NOT_A_REGISTER_MANAGER)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        due = assurance.default_returns_due_on(timezone.localdate())
        return self.render(OpenExerciseForm(initial={"year": due.year, "returns_due_on": due}))

    def post(self, request):
        form = OpenExerciseForm(request.POST)
        if form.is_valid():
            try:
                exercise = assurance.open_exercise(user=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(
                    request,
                    f"The governance assurance for {exercise.year} is open: "
                    f"{exercise.returns.count()} returns are asked for by "
                    f"{formatting.long_date(exercise.returns_due_on)}",
                )
                return redirect("reviews:assurance", exercise.year)
        return self.render(form, status=400)

    def render(self, form, status=200):
        page = ShortFormPage(
            "Open the governance assurance",
            "Open the governance assurance",
            reverse("reviews:assurance-list"),
            "Back to governance assurance",
            intro=(
                "A return is asked for every arrangement in operation (active, with "
                "conditional support, under review or being withdrawn), of its responsible "
                "officer and the Director of its service.",
                "Each responsible officer is e-mailed now with the arrangements they are asked "
                "about. Everyone with a return outstanding is reminded before the returns are "
                "due, on the day and weekly once they are late; two weeks after, the register "
                "owner is told who is outstanding.",
            ),
        )
        return short_form_page(self.request, page, form, status=status)


def _exercise(year) -> AssuranceExercise:
    return get_object_or_404(AssuranceExercise, year=year)


def _visible_returns(user, exercise):
    returns = assurance.returns_of(exercise)
    if sees_every_review(user):
        return returns
    return returns.filter(officer=user) | returns.filter(director=user)


class AssuranceExerciseView(View):
    """One year's progress: how many returned, who is outstanding, every return."""

    def get(self, request, year):
        exercise = _exercise(year)
        everyone = sees_every_review(request.user)
        returns = list(_visible_returns(request.user, exercise))
        return render(
            request,
            "reviews/assurance/exercise.html",
            {
                "exercise": exercise,
                "progress": assurance.progress(exercise, returns),
                "everyone": everyone,
                "not_followed": "" if everyone else NOT_FOLLOWED,
                "manages": has_role(request.user, *REGISTER_MANAGERS),
                "today": timezone.localdate(),
                "officer_words": assurance.OFFICER,
            },
        )


class CloseExerciseView(View):
    """The register owner's button on the exercise page; opened, it goes back there."""

    def get(self, request, year):
        return redirect("reviews:assurance", year)

    def post(self, request, year):
        exercise = _exercise(year)
        try:
            assurance.close_exercise(exercise=exercise, user=request.user)
        except assurance.AssuranceRefused as refused:
            if not has_role(request.user, *REGISTER_MANAGERS):
                raise PermissionDenied(assurance.NOT_A_REGISTER_MANAGER) from None
            messages.error(request, " ".join(refused.messages))
        else:
            messages.success(request, f"The governance assurance for {exercise.year} is closed")
        return redirect("reviews:assurance", exercise.year)


class AssuranceReturnView(View):
    """One arrangement's return: what is asked, the answers given so far, and the form of
    the step this person may take now."""

    def dispatch(self, request, *args, **kwargs):
        self.assurance_return = get_object_or_404(
            assurance.returns_of_every_exercise(), pk=kwargs["pk"]
        )
        r = self.assurance_return
        involved = request.user.pk in (r.officer_id, r.director_id)
        if not (
            sees_every_review(request.user)
            or involved
            or assurance.may_return(request.user, r)[0]
            or (
                r.status == AssuranceStatus.AWAITING_DIRECTOR
                and assurance.may_confirm(request.user, r)[0]
            )
        ):
            raise PermissionDenied(NOT_FOLLOWED)
        return super().dispatch(request, *args, **kwargs)

    def step(self):
        """(the step now, whether this person may take it, why not)."""
        r = self.assurance_return
        if not r.exercise.is_open:
            return None, False, f"The governance assurance for {r.exercise.year} has closed."
        if r.status == AssuranceStatus.AWAITING_OFFICER:
            return "officer", *assurance.may_return(self.request.user, r)
        if r.status == AssuranceStatus.AWAITING_DIRECTOR:
            return "director", *assurance.may_confirm(self.request.user, r)
        return None, False, ""

    def form_for(self, step, data=None):
        if step == "officer":
            return OfficerReturnForm(data, issues=get_policy().assurance_issues)
        if step == "director":
            return DirectorAssuranceForm(data)
        return None

    def get(self, request, pk):
        step, allowed, why = self.step()
        return self.render(self.form_for(step) if allowed else None, why)

    def post(self, request, pk):
        # The step the page was opened at: if someone else took it meanwhile, the service
        # refuses with who did, and the page shows what they answered.
        step = request.POST.get("step")
        form = self.form_for(step, request.POST)
        if form is None:
            raise PermissionDenied("There is nothing to answer on this return.")
        if form.is_valid():
            try:
                self.save(step, form.cleaned_data)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, self.done_message(step))
                return redirect("reviews:assurance", self.assurance_return.exercise.year)
        self.assurance_return.refresh_from_db()
        return self.render(form, "", status=400)

    def save(self, step, data):
        if step == "officer":
            assurance.make_return(
                assurance_return=self.assurance_return,
                user=self.request.user,
                issues=data.get("issues", ()),
                **{k: v for k, v in data.items() if k != "issues"},
            )
        else:
            assurance.confirm_as_director(
                assurance_return=self.assurance_return, user=self.request.user, **data
            )

    def done_message(self, step):
        arrangement = self.assurance_return.arrangement
        if step == "officer":
            return f"Your return on {arrangement.reference} {arrangement.name} is made"
        return f"Your assurance on {arrangement.reference} {arrangement.name} is given"

    def render(self, form, why, status=200):
        r = self.assurance_return
        r.issue_words = assurance.issue_words(r)
        reviewed = assurance.flagged_by_reviews(r.exercise, [r.arrangement_id])
        step = self.request.POST.get("step") if form is not None and form.is_bound else None
        return render(
            self.request,
            "reviews/assurance/return.html",
            {
                "assurance_return": r,
                "arrangement": r.arrangement,
                "objectives": r.arrangement.objectives.all(),
                "issues_asked": bool(get_policy().assurance_issues),
                "review_issue_words": reviewed.get(r.arrangement_id, []),
                "form": form,
                "step": step or self.step()[0],
                "why_not": why,
            },
            status=status,
        )


class AnnexView(View):
    """The annex for the Annual Governance Statement: page, PDF or CSV, exceptions first."""

    def get(self, request, year, export=""):
        if not sees_every_review(request.user):
            raise PermissionDenied(NOT_FOLLOWED)
        exercise = _exercise(year)
        annex = assurance.annex(exercise)
        context = {
            "annex": annex,
            "exercise": exercise,
            "issues_asked": bool(get_policy().assurance_issues),
        }
        if export in ("pdf", "csv"):
            security_event(
                "export.assurance_annex", request=request, record=str(year), format=export
            )
        if export == "pdf":
            return pdf_response(
                request,
                "reviews/assurance/annex_pdf.html",
                context,
                filename=f"governance-assurance-{year}-annex.pdf",
                back_url=reverse("reviews:assurance-annex", args=[year]),
            )
        if export == "csv":
            return _annex_csv(annex)
        return render(request, "reviews/assurance/annex.html", context)


ANNEX_COLUMNS = (
    "Section",
    "Reference",
    "Arrangement",
    "Service",
    "Responsible officer",
    "Status",
    "Governance arrangements in place",
    "What is not in place",
    "Still meets the objectives in the register",
    "What is not being met",
    "Issues for the statement",
    "Issues flagged by its annual review",
    "Returned on",
    "Director",
    "Director's assurance",
    "Director's comment",
    "Director's assurance given on",
)


def _annex_csv(annex):
    rows = (
        [
            section,
            r.arrangement.reference,
            r.arrangement.name,
            r.arrangement.service or "",
            formatting.person(r.officer, NO_OFFICER),
            r.get_status_display(),
            formatting.yes_no(r.governance_in_place, blank=""),
            r.governance_detail,
            formatting.yes_no(r.meets_objectives, blank=""),
            r.objectives_detail,
            "; ".join(r.issue_words),
            "; ".join(r.review_issue_words),
            timezone.localdate(r.returned_at).isoformat() if r.returned_at else "",
            formatting.person(r.confirmed_by or r.director, ""),
            formatting.yes_no(r.director_assures, blank=""),
            r.director_comment,
            timezone.localdate(r.confirmed_at).isoformat() if r.confirmed_at else "",
        ]
        for _key, section, returns in annex.sections
        for r in returns
    )
    return csv_response(
        neutralised_rows(itertools.chain([ANNEX_COLUMNS], rows)),
        filename=f"governance-assurance-{annex.exercise.year}-annex.csv",
        attachment=True,
    )
