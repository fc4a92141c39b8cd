"""The page walk's table: who may open every page of the portal, shared by the walk with
Django's test client (tests/test_page_walk.py) and the one in Chromium
(tests/e2e/test_page_walk_accessibility.py).

The URL names come from Django's resolver, so a new page joins the walk by existing: it
fails the walk until it has a row in CASES and a recipe for each of its URL arguments.

- CASES: one or more rows per URL name (Django admin aside): the arguments' recipes that
  differ from RECIPES, the council policy it runs under, and what each role (and a visitor
  who has not signed in) gets.
- RECIPES: how to find a real value for a URL argument in the demo register, by argument
  name. A row's own `args` win over them.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from html.parser import HTMLParser

from django.urls import URLResolver, get_resolver, reverse

from register.roles import Role

ANONYMOUS = "anonymous"  # in a row's `expect`: a visitor who has not signed in
DEFAULT_POLICY = "gravesham"
# Django admin is Django's own and has its own tests (tests/test_admin.py).
SKIPPED_NAMESPACES = {"admin"}


class Outcome(StrEnum):
    OK = "allowed (200)"
    REDIRECT = "redirected (the page's behaviour)"
    REFUSED = "refused (403)"
    NOT_FOUND = "not found (404)"
    SIGN_IN = "sent to sign-in"
    ACCEPTED = "accepted, nothing to show (204)"


OK, REDIRECT, REFUSED, NOT_FOUND, SIGN_IN, ACCEPTED = Outcome


class RecipeError(LookupError):
    """A recipe found nothing that fits: the demo register is not what the table expects."""


# --- Who is who -------------------------------------------------------------------------

EVERYONE = frozenset(Role)
READ_ONLY = frozenset({Role.INTERNAL_AUDIT, Role.OVERVIEW_SCRUTINY})
KEEPERS = frozenset({Role.REGISTER_OWNER, Role.ADMINISTRATOR})
# The lead officer walks as `lead_officer`, who leads the arrangements the recipes pick.
LEAD = frozenset({Role.LEAD_OFFICER})
CREATORS = EVERYONE - READ_ONLY
SEES_THE_DRAFT = LEAD | KEEPERS | READ_ONLY
MONITORING_OFFICERS = frozenset({Role.MONITORING_OFFICER, Role.DEPUTY_MONITORING_OFFICER})


def access(*, others=None, anonymous=SIGN_IN, **outcomes):
    """Every role's outcome: access(ok=KEEPERS, others=REFUSED) -> {role: Outcome}.
    Keywords are the Outcome names in lower case, each with a set of roles; `others` is
    for the roles not named (required unless every role is named)."""
    expect = {ANONYMOUS: anonymous}
    for key, roles in outcomes.items():
        for role in roles:
            if role in expect:
                raise ValueError(f"{role} is given two outcomes")
            expect[role] = Outcome[key.upper()]
    rest = [role for role in Role if role not in expect]
    if rest and others is None:
        raise ValueError(f"no outcome for {', '.join(rest)}: name them or give `others`")
    return expect | dict.fromkeys(rest, others)


# --- Recipes ----------------------------------------------------------------------------


def fixed(value):
    """A recipe that always gives this value."""
    return lambda args: value


def arrangement(name, status, lead="lead_officer"):
    """A recipe: the reference of the demo arrangement of that name, checked to still be
    in that status and led by that officer (the table's outcomes depend on both)."""

    def recipe(args):
        from register.models import Arrangement

        found = Arrangement.objects.filter(name=name).select_related("lead_officer").first()
        if found is None:
            raise RecipeError(f"no demo arrangement called {name!r}")
        if found.status != status or found.lead_officer.username != lead:
            raise RecipeError(
                f"{name!r} is {found.status}, led by {found.lead_officer.username}; "
                f"the table expects {status}, led by {lead}"
            )
        return found.reference

    recipe.description = f"{name} ({status}, led by {lead})"
    return recipe


DRAFT = arrangement("Dementia Friendly Gravesham", "draft")
ACTIVE = arrangement("Gravesham Community Safety Partnership", "active")
IN_APPROVAL = arrangement("Gravesham Climate Change Partnership", "in_approval")
ANOTHER_IN_APPROVAL = arrangement(
    "Gravesend Town Centre Partnership", "in_approval", "lead_officer_2"
)
# Its only form is a short one: a long template's PDF takes most of a second to render.
ACTIVE_SHARED_SERVICE = arrangement("Kent Councils' Mutual Aid for Elections", "active")
CONDITIONAL_SUPPORT = arrangement("Cyclopark Community Partnership", "conditional_support")


def _arrangement_of(args):
    from register.models import Arrangement

    return Arrangement.objects.get(reference=args["reference"])


def _monitoring_officers_step(reference):
    from approvals.models import ApprovalStep, StepStatus

    step = ApprovalStep.objects.filter(
        round__arrangement__reference=reference,
        role=Role.MONITORING_OFFICER,
        status=StepStatus.PENDING,
    ).first()
    if step is None:
        raise RecipeError(f"{reference} has no pending opinion of the Monitoring Officer")
    return step


def pending_opinion(args):
    """The Monitoring Officer's pending opinion on IN_APPROVAL."""
    return _monitoring_officers_step(IN_APPROVAL(args)).pk


def monitoring_officers_decision(args):
    """A decision the demo Monitoring Officer records now, on another arrangement's round
    (so that `pending_opinion` stays pending)."""
    from django.contrib.auth import get_user_model

    from tests.approvals_helpers import decide

    step = _monitoring_officers_step(ANOTHER_IN_APPROVAL({}))
    officer = get_user_model().objects.get(username=Role.MONITORING_OFFICER.value)
    return decide(step, officer).pk


def new_document(args):
    """A PDF added now to the arrangement in `reference` (the demo register has none)."""
    from tests.factories import DocumentFactory

    return DocumentFactory(arrangement=_arrangement_of(args)).pk


def first_row_of_part(args):
    """The first row of the part in `part` of the arrangement in `reference`."""
    from register.views import PARTS

    row = PARTS[args["part"]].of(_arrangement_of(args)).order_by("pk").first()
    if row is None:
        raise RecipeError(f"{args['reference']} has no {args['part']}")
    return row.pk


def first_checklist(args):
    """The first checklist page of the installation's policy."""
    from register.policies import get_policy

    policy = get_policy()
    if not policy.checklists:
        raise RecipeError(f"the {policy.key} policy has no checklists")
    return policy.checklists[0].group


def first_form_required(args):
    """The first council form the policy requires of the arrangement in `reference` that
    is filled in the browser (some templates the policies name are not, yet)."""
    from register.council_forms import DEFINITIONS
    from register.policies import get_policy

    required = get_policy().forms_required(_arrangement_of(args))
    in_the_browser = [form.key for form in required if form.key in DEFINITIONS]
    if not in_the_browser:
        raise RecipeError(f"the policy requires no browser form of {args['reference']}")
    return in_the_browser[0]


def a_saved_form(args):
    """A council form of the arrangement in `reference` with a saved version 1: its first
    kept response, or, for a draft with none, its first required form saved now by its
    lead officer."""
    from register.council_forms import definition
    from register.council_forms.selectors import response_for
    from register.council_forms.services import save_answers
    from register.models import FormResponse
    from register.occasions import APPROVAL
    from register.policies import get_policy

    arrangement = _arrangement_of(args)
    kept = FormResponse.objects.filter(arrangement=arrangement, version__gte=1).first()
    if kept is not None:
        return kept.pk
    form = definition(first_form_required(args), get_policy().key)
    response = response_for(arrangement, form, APPROVAL)
    answers = form.example_answers()
    return save_answers(
        response=response, answers=answers, user=arrangement.lead_officer, submit=False
    ).pk


def a_review(name, status):
    """A recipe: the demo review of that arrangement in that status (seed_demo_reviews)."""

    def recipe(args):
        from reviews.models import Review

        review = Review.objects.filter(arrangement__name=name, status=status).first()
        if review is None:
            raise RecipeError(f"no {status} review of {name!r}")
        return review.pk

    recipe.description = f"the {status} review of {name}"
    return recipe


SUBMITTED_REVIEW = a_review("Kent Resilience Forum", "submitted")
OVERDUE_REVIEW = a_review("Gravesham Community Safety Partnership", "due")


def an_open_action(args):
    """An action last year's review of a shared service set its lead officer."""
    from reviews.models import ReviewAction

    action = ReviewAction.objects.filter(
        review__arrangement__name="North Kent Shared Audit Service", done_on__isnull=True
    ).first()
    if action is None:
        raise RecipeError("no open action of the North Kent Shared Audit Service's review")
    return action.pk


def past_its_retention_date(args):
    """The demo's ended arrangement past its retention date (reviews/retention_demo.py)."""
    from reviews.retention_demo import seed_retention_demo

    return seed_retention_demo().reference


def the_demo_assurance_year(args):
    """The year of the demo's governance assurance (reviews/assurance_demo.py)."""
    from reviews.models import AssuranceExercise

    exercise = AssuranceExercise.objects.first()
    if exercise is None:
        raise RecipeError("no governance assurance in the demo")
    return exercise.year


def an_assured_return(args):
    """A return of the demo's exercise that the lead officer made and the Director assured:
    nothing left to answer on it, for anyone."""
    from reviews.models import AssuranceReturn, AssuranceStatus

    found = AssuranceReturn.objects.filter(
        status=AssuranceStatus.RETURNED, officer__username="lead_officer"
    ).first()
    if found is None:
        raise RecipeError("no assured return of the lead officer's in the demo")
    return found.pk


def calendar_address(args):
    """The private address of the demo lead officer's calendar feed, created now."""
    from django.contrib.auth import get_user_model

    from reviews.calendar import new_calendar_address

    officer = get_user_model().objects.get(username="lead_officer")
    return new_calendar_address(user=officer).token


def a_screening_by(user):
    """For the query string of the form to record an arrangement: an in-scope screening
    by the person asking (the form opens only after their own screening)."""
    from tests.factories import ScreeningFactory

    return {"screening": ScreeningFactory(screened_by=user).pk} if user else {}


def an_edition(published=True):
    """A recipe: the demo's latest published edition, or its draft (seed_demo_publication)."""

    def recipe(args):
        from register.models import Edition, EditionStatus

        status = EditionStatus.PUBLISHED if published else EditionStatus.DRAFT
        edition = Edition.objects.filter(status=status).first()
        if edition is None:
            raise RecipeError(f"no {status} edition of the published register")
        return edition.slug

    recipe.description = "the latest published edition" if published else "the draft edition"
    return recipe


PUBLISHED_EDITION = an_edition()
DRAFT_EDITION = an_edition(published=False)


def an_entry(args):
    """The first entry of the edition in `edition`."""
    from register.publication import find_edition

    return find_edition(args["edition"]).entries[0]["reference"]


def a_committee(args):
    """A committee the edition in `edition` reports entries to, as in its extract's address."""
    from django.utils.text import slugify

    from register.publication import committees_of, find_edition

    committees = committees_of(find_edition(args["edition"]))
    if not committees:
        raise RecipeError("no entry of the demo edition is reported to a committee")
    return slugify(committees[0])


def an_import_run(checked):
    """A recipe: the import template uploaded now by the demo register owner, its columns
    still to match, or checked (the test settings' task queue checks it at once)."""

    def recipe(args):
        import io

        from django.contrib.auth import get_user_model

        from register.imports import services
        from register.imports.columns import template_bytes

        owner = get_user_model().objects.get(username=Role.REGISTER_OWNER.value)
        file = io.BytesIO(template_bytes())
        file.name = "register-import-template.xlsx"
        run = services.upload(file=file, user=owner)
        if checked:
            services.choose_columns(run=run, mapping=run.mapping, user=owner)
        return run.pk

    recipe.description = "a checked import" if checked else "an import with columns to match"
    return recipe


RECIPES = {
    "reference": ACTIVE,
    "part": fixed("partners"),
    "group": first_checklist,
    "key": first_form_required,
    "occasion": fixed("approval"),
    "decision": monitoring_officers_decision,
    "edition": PUBLISHED_EDITION,
    "committee": a_committee,
}


# --- The table --------------------------------------------------------------------------


@dataclass(frozen=True)
class ErrorState:
    """How the browser walk shows a form's errors: empty every text field, do `check`
    (CSS selectors of radios or boxes to tick), and press the button of that name."""

    button: str
    check: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    url_name: str
    expect: dict  # role (or ANONYMOUS) -> Outcome
    args: dict = field(default_factory=dict)  # argument name -> recipe, over RECIPES
    label: str = ""  # what tells this row from the URL name's other rows
    policy: str = DEFAULT_POLICY
    method: str = "get"
    query: object = None  # user (None when anonymous) -> query string parameters
    content_type: str = "text/html"  # of an allowed answer
    errors: ErrorState | None = None
    body: tuple[str, str] | None = None  # (content type, text) a POST sends, if not a form

    @property
    def title(self):
        extras = [self.label] if self.label else []
        if self.policy != DEFAULT_POLICY:
            extras.append(f"under {self.policy}")
        return f"{self.url_name} ({', '.join(extras)})" if extras else self.url_name


SAVE = ErrorState("Save")
SAVE_AS_DRAFT = ErrorState("Save as draft")
SUBMIT_THE_FORM = ErrorState("Submit the form")
SEND_FOR_A_DECISION = ErrorState("Send for a decision")

DRAFT_PAGE = access(ok=SEES_THE_DRAFT, others=NOT_FOUND)
SEES_THE_DASHBOARD = access(ok=KEEPERS | READ_ONLY, others=REFUSED)
CHANGE_DRAFT = access(ok=LEAD | KEEPERS, refused=READ_ONLY, others=NOT_FOUND)
CHANGE_ACTIVE = access(ok=LEAD | KEEPERS, others=REFUSED)
OPEN_TO_EVERY_ROLE = access(ok=EVERYONE)
FOLLOWS_EVERY_REVIEW = access(ok=KEEPERS | READ_ONLY | {Role.DIRECTOR}, others=REFUSED)
PDF = "application/pdf"
CSV = "text/csv"
JSON = "application/json"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NO_CONTENT = "(no content)"  # an answer that is only a status
# The published register: open to everyone, signed in or not.
PUBLIC = access(ok=EVERYONE, anonymous=OK)


def _part_cases():
    from register.views import PARTS

    adds = [
        Case(
            "register:part-add",
            CHANGE_DRAFT,
            {"reference": DRAFT, "part": fixed(p)},
            label=f"{p} of a draft",
            errors=SAVE,
        )
        for p in PARTS
    ]
    edits = [
        Case(
            "register:part-edit",
            CHANGE_ACTIVE,
            {"part": fixed(p), "pk": first_row_of_part},
            label=f"{p} of an active arrangement",
            errors=SAVE,
        )
        for p, part in PARTS.items()
        if part.editable
    ]
    return adds + edits


CASES = [
    # Each person's start page and the register owner's dashboard (issue 14).
    Case("home", OPEN_TO_EVERY_ROLE),
    Case("dashboard", SEES_THE_DASHBOARD),
    Case("dashboard-pdf", SEES_THE_DASHBOARD, content_type=PDF),
    Case("login", access(redirect=EVERYONE, anonymous=OK), errors=ErrorState("Sign in")),
    # Signing out sends everyone to the sign-in page; only POST signs out.
    # Signing out, signed in or not, lands on the sign-in page.
    Case("logout", access(sign_in=EVERYONE), method="post"),
    # Single sign-on: off in the walk (no OIDC_ISSUER), so both lead back to sign-in.
    Case("sso-start", access(sign_in=EVERYONE)),
    Case("sso-callback", access(sign_in=EVERYONE)),
    # Django admin's own sign-in page is the portal's.
    Case("admin-sign-in", access(sign_in=EVERYONE)),
    # The idle warning asks how long is left (anyone: a visitor is told they are not signed
    # in) and keeps the session with a POST.
    Case("session-status", access(ok=EVERYONE, anonymous=OK), content_type=JSON),
    Case("session-keep-alive", access(ok=EVERYONE), method="post", content_type=JSON),
    Case("accessibility", access(ok=EVERYONE, anonymous=OK)),
    # For browsers and security researchers (register/security_views.py), signed in or not.
    Case("security-txt", PUBLIC, content_type="text/plain"),
    # Browsers post Content Security Policy reports here, signed in or not.
    Case(
        "csp-report",
        access(accepted=EVERYONE, anonymous=ACCEPTED),
        method="post",
        content_type=NO_CONTENT,
        body=(
            "application/csp-report",
            '{"csp-report": {"document-uri": "https://register.example/arrangements/", '
            '"violated-directive": "script-src", "blocked-uri": "inline"}}',
        ),
    ),
    # Register
    Case("register:list", OPEN_TO_EVERY_ROLE),
    Case("register:mine", OPEN_TO_EVERY_ROLE),
    Case("register:risks", OPEN_TO_EVERY_ROLE),
    Case("register:export-csv", OPEN_TO_EVERY_ROLE, content_type=CSV),
    Case("register:export-xlsx", OPEN_TO_EVERY_ROLE, content_type=XLSX),
    Case("register:screening", access(ok=CREATORS, others=REFUSED), errors=ErrorState("Continue")),
    # Bringing a council's register in (issue 13): the register's keepers only.
    Case(
        "register:import",
        access(ok=KEEPERS, others=REFUSED),
        errors=ErrorState("Upload and match the columns"),
    ),
    Case("register:import-template", access(ok=KEEPERS, others=REFUSED), content_type=XLSX),
    Case(
        "register:import-columns",
        access(ok=KEEPERS, others=REFUSED),
        {"pk": an_import_run(checked=False)},
        errors=ErrorState("Check the file", check=("input[name=save]",)),
    ),
    Case("register:import-run", access(ok=KEEPERS, others=REFUSED), {"pk": an_import_run(True)}),
    # The Import button: opened, it goes back to the run's page.
    Case(
        "register:import-confirm",
        access(redirect=KEEPERS, others=REFUSED),
        {"pk": an_import_run(True)},
    ),
    Case(
        "register:create",
        access(redirect=CREATORS, others=REFUSED),
        label="without a screening: to the screening",
    ),
    Case(
        "register:create",
        access(ok=CREATORS, others=REFUSED),
        label="after a screening",
        query=a_screening_by,
        errors=SAVE_AS_DRAFT,
    ),
    # The route preview is posted to (by the form's button and its script); opened, it
    # goes back to the form.
    Case(
        "register:create-route",
        access(redirect=CREATORS, others=REFUSED),
        query=a_screening_by,
    ),
    Case(
        "register:edit-route",
        access(redirect=LEAD | KEEPERS, refused=READ_ONLY, others=NOT_FOUND),
        {"reference": DRAFT},
    ),
    Case("register:next", CHANGE_DRAFT, {"reference": DRAFT}, label="a draft"),
    Case("register:detail", DRAFT_PAGE, {"reference": DRAFT}, label="a draft"),
    Case("register:detail", OPEN_TO_EVERY_ROLE, label="an active arrangement"),
    Case(
        "register:edit", CHANGE_DRAFT, {"reference": DRAFT}, label="a draft", errors=SAVE_AS_DRAFT
    ),
    Case("register:edit", CHANGE_ACTIVE, label="an active arrangement", errors=SAVE_AS_DRAFT),
    Case("register:history", DRAFT_PAGE, {"reference": DRAFT}, label="a draft"),
    Case("register:history", OPEN_TO_EVERY_ROLE, label="an active arrangement"),
    # Its audit timeline as CSV, and each council form version as it was (issue 14, point 3).
    Case(
        "register:history-csv", DRAFT_PAGE, {"reference": DRAFT}, label="a draft", content_type=CSV
    ),
    Case(
        "register:history-csv", OPEN_TO_EVERY_ROLE, label="an active arrangement", content_type=CSV
    ),
    Case(
        "register:form-version",
        DRAFT_PAGE,
        {"reference": DRAFT, "response": a_saved_form, "version": fixed(1)},
        label="a draft",
    ),
    Case(
        "register:form-version",
        OPEN_TO_EVERY_ROLE,
        {"response": a_saved_form, "version": fixed(1)},
        label="an active arrangement",
    ),
    Case(
        "register:recategorise",
        access(ok=KEEPERS, others=REFUSED),
        errors=ErrorState("Save", check=("input[name=category][value=significant]",)),
    ),
    # Gravesham's policy has no checklists.
    Case("register:checklist", CHANGE_DRAFT, {"reference": DRAFT}, policy="dartford", errors=SAVE),
    Case("register:checklist", CHANGE_DRAFT, {"reference": DRAFT}, policy="brentwood", errors=SAVE),
    Case(
        "register:document-download",
        DRAFT_PAGE,
        {"reference": DRAFT, "pk": new_document},
        content_type=PDF,
    ),
    *_part_cases(),
    Case("register:part-remove", CHANGE_ACTIVE, {"pk": first_row_of_part}),
    # Approvals
    Case("approvals:inbox", OPEN_TO_EVERY_ROLE),
    Case("approvals:deputies", OPEN_TO_EVERY_ROLE, errors=SAVE),
    Case(
        "approvals:decide",
        access(ok=MONITORING_OFFICERS, others=REFUSED),
        {"pk": pending_opinion},
        errors=ErrorState("Record my opinion"),
    ),
    Case(
        "approvals:correct",
        access(ok={Role.MONITORING_OFFICER}, others=NOT_FOUND),
        errors=ErrorState("Record the correction"),
    ),
    Case("approvals:record", OPEN_TO_EVERY_ROLE, {"reference": IN_APPROVAL}),
    Case("approvals:record-pdf", OPEN_TO_EVERY_ROLE, {"reference": IN_APPROVAL}, content_type=PDF),
    Case("approvals:withdraw", CHANGE_ACTIVE, errors=SEND_FOR_A_DECISION),
    Case(
        "approvals:renew",
        CHANGE_ACTIVE,
        {"reference": CONDITIONAL_SUPPORT},
        errors=SEND_FOR_A_DECISION,
    ),
    # Read-only roles change nothing, and decide nothing to declare an interest in.
    Case(
        "approvals:interest",
        access(refused=READ_ONLY, others=OK),
        errors=ErrorState("Declare the interest"),
    ),
    # Council forms
    # Any council's template prints blank; a short one, for speed.
    Case(
        "council_forms:blank",
        OPEN_TO_EVERY_ROLE,
        {"key": fixed("south_derbyshire_information_form")},
        policy="south_derbyshire",
        content_type=PDF,
    ),
    # Submitted before its approval (issue 10), so read-only: nothing to submit empty.
    Case("council_forms:fill", OPEN_TO_EVERY_ROLE, label="an active arrangement's submitted form"),
    Case(
        "council_forms:fill",
        DRAFT_PAGE,
        {"reference": DRAFT},
        label="a draft",
        policy="dartford",
        errors=SUBMIT_THE_FORM,
    ),
    # Brentwood has a form in the browser only for Borough Partnerships, such as this one.
    Case(
        "council_forms:fill",
        OPEN_TO_EVERY_ROLE,
        label="an active arrangement",
        policy="brentwood",
        errors=SUBMIT_THE_FORM,
    ),
    # The same template filled again for a year's review, beside its approval answers.
    Case(
        "council_forms:fill",
        OPEN_TO_EVERY_ROLE,
        {"occasion": fixed("review-2027")},
        label="an active arrangement's review",
        errors=SUBMIT_THE_FORM,
    ),
    Case(
        "council_forms:pdf",
        OPEN_TO_EVERY_ROLE,
        {"reference": ACTIVE_SHARED_SERVICE},
        content_type=PDF,
    ),
    # Reviews: everyone sees the board (an officer, only their own reviews).
    Case("reviews:board", OPEN_TO_EVERY_ROLE),
    Case("reviews:board-csv", OPEN_TO_EVERY_ROLE, content_type=CSV),
    Case("reviews:late", OPEN_TO_EVERY_ROLE),
    Case("reviews:late-csv", OPEN_TO_EVERY_ROLE, content_type=CSV),
    Case("reviews:detail", OPEN_TO_EVERY_ROLE, {"pk": SUBMITTED_REVIEW}),
    Case("reviews:summary", FOLLOWS_EVERY_REVIEW),
    Case("reviews:summary-year", FOLLOWS_EVERY_REVIEW, {"year": fixed(2026)}),
    # Buttons on the review page: opened, they go back to it.
    Case("reviews:consider", access(redirect=EVERYONE), {"pk": SUBMITTED_REVIEW}),
    Case("reviews:submit", access(redirect=EVERYONE), {"pk": OVERDUE_REVIEW}),
    Case(
        "reviews:action",
        access(ok=LEAD | KEEPERS, others=REFUSED),
        {"pk": an_open_action},
        errors=ErrorState("Save progress"),
    ),
    # Retention review: the register owner's (B "Data retention").
    Case("reviews:retention", access(ok=KEEPERS, others=REFUSED)),
    Case(
        "reviews:retention-decide",
        access(ok=KEEPERS, others=REFUSED),
        {"reference": past_its_retention_date},
        errors=ErrorState("Continue"),
    ),
    # Its button disposes, so the walk only opens it.
    Case(
        "reviews:retention-dispose",
        access(ok=KEEPERS, others=REFUSED),
        {"reference": past_its_retention_date},
    ),
    # Governance assurance (G 6.10): everyone sees the exercises and what is asked of them;
    # the register owner opens and closes them; the annex is for those who follow reviews.
    Case("reviews:assurance-list", OPEN_TO_EVERY_ROLE),
    Case(
        "reviews:assurance-open",
        access(ok=KEEPERS, others=REFUSED),
        errors=ErrorState("Open the governance assurance"),
    ),
    Case("reviews:assurance", OPEN_TO_EVERY_ROLE, {"year": the_demo_assurance_year}),
    Case(
        "reviews:assurance-close",
        access(redirect=EVERYONE),
        {"year": the_demo_assurance_year},
        label="opened, it goes back to the exercise",
    ),
    Case("reviews:assurance-annex", FOLLOWS_EVERY_REVIEW, {"year": the_demo_assurance_year}),
    Case(
        "reviews:assurance-annex-pdf",
        FOLLOWS_EVERY_REVIEW,
        {"year": the_demo_assurance_year},
        content_type=PDF,
    ),
    Case(
        "reviews:assurance-annex-csv",
        FOLLOWS_EVERY_REVIEW,
        {"year": the_demo_assurance_year},
        content_type=CSV,
    ),
    # Its officer and the register's followers read an assured return; nobody else.
    Case(
        "reviews:assurance-return",
        access(ok=LEAD | KEEPERS | READ_ONLY | {Role.DIRECTOR}, others=REFUSED),
        {"pk": an_assured_return},
    ),
    # The published register (issue 12): its pages and open data for everyone; a draft
    # only for the keepers, who prepare it on the editions page; the register owner publishes.
    Case("published:latest", PUBLIC),
    Case("published:edition", PUBLIC, label="published"),
    Case(
        "published:edition",
        access(ok=KEEPERS, others=NOT_FOUND, anonymous=NOT_FOUND),
        {"edition": DRAFT_EDITION},
        label="a draft",
    ),
    # The Publish button: opened, it goes back to the draft.
    Case(
        "published:publish",
        access(redirect=KEEPERS, others=NOT_FOUND, anonymous=NOT_FOUND),
        {"edition": DRAFT_EDITION},
    ),
    Case(
        "published:manage",
        access(ok=KEEPERS, others=REFUSED),
        errors=ErrorState("Prepare the edition"),
    ),
    Case("published:changes", PUBLIC),
    Case("published:entry", PUBLIC, {"reference": an_entry}),
    Case("published:csv", PUBLIC, content_type=CSV),
    Case("published:json", PUBLIC, content_type=JSON),
    Case("published:xlsx", PUBLIC, content_type=XLSX),
    Case("published:csvw", PUBLIC, content_type="application/csvm+json"),
    Case("published:datapackage", PUBLIC, content_type=JSON),
    Case("published:catalogue", PUBLIC, content_type=JSON),
    Case("published:pdf", PUBLIC, content_type=PDF),
    Case("published:committee-pdf", PUBLIC, content_type=PDF),
    # Reviews: each person's own calendar feed of their review due dates.
    Case("reviews:calendar", OPEN_TO_EVERY_ROLE),
    # Read by calendar apps, which cannot sign in: the private address is the key.
    Case(
        "reviews:calendar-feed",
        access(ok=EVERYONE, anonymous=OK),
        {"token": calendar_address},
        content_type="text/calendar",
    ),
]


# --- The portal's URLs ------------------------------------------------------------------


@dataclass(frozen=True)
class UrlName:
    name: str | None  # with its namespaces, e.g. "register:detail"
    arguments: tuple[str, ...]  # in the order they appear in the path
    route: str


def _arguments(pattern):
    groups = pattern.regex.groupindex
    return tuple(sorted(groups, key=groups.get))


def portal_urls(patterns=None, namespace="", arguments=(), route=""):
    """Every URL pattern of the portal outside SKIPPED_NAMESPACES, through every include."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        here = route + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if pattern.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += portal_urls(
                pattern.url_patterns, inner, arguments + _arguments(pattern.pattern), here
            )
        else:
            name = f"{namespace}{pattern.name}" if pattern.name else None
            found.append(UrlName(name, arguments + _arguments(pattern.pattern), here))
    return found


def coverage_problems(urls, cases, recipes):
    """What keeps the walk from covering every URL: names without a row in the table,
    arguments without a recipe, and rows for names that no longer exist."""
    problems = []
    rows = {}
    for case in cases:
        rows.setdefault(case.url_name, []).append(case)
    for url in urls:
        if url.name is None:
            problems.append(f"{url.route}: a URL pattern without a name cannot be in the table")
            continue
        if url.name not in rows:
            problems.append(f"{url.name}: no entry in the page walk's table (tests/page_walk.py)")
        for case in rows.get(url.name, []):
            for argument in url.arguments:
                if argument not in case.args and argument not in recipes:
                    problems.append(f"{case.title}: no recipe for its URL argument {argument!r}")
    names = {url.name for url in urls}
    problems += [f"{name}: in the table, but no such URL" for name in rows if name not in names]
    return problems


def path_of(case, urls, recipes=RECIPES):
    """The case's path with real arguments, from the demo register. Raises RecipeError."""
    url = next(url for url in urls if url.name == case.url_name)
    args = {}
    for argument in url.arguments:
        recipe = case.args.get(argument, recipes.get(argument))
        if recipe is None:
            raise RecipeError(f"no recipe for its URL argument {argument!r}")
        args[argument] = recipe(args)
    return reverse(case.url_name, kwargs=args)


def who_opens(case):
    """Whom the browser walk signs in as: a visitor if they may open it, else the first
    role allowed; for a page that only redirects, the first role it redirects (signing
    out sends every role to sign-in)."""
    for outcome in (OK, ACCEPTED, REDIRECT, SIGN_IN):
        if case.expect[ANONYMOUS] == outcome and outcome is not SIGN_IN:
            return ANONYMOUS
        for role in Role:
            if case.expect[role] == outcome:
                return role
    return None


def role_name(who):
    return str(who)  # a role's value, or "anonymous"


def report(title, problems):
    """One failure message listing (page, role, path, problem) for every problem found."""
    lines = [f"{len(problems)} problem(s) {title}:"]
    lines += [f"- {page} | {role} | {path} | {problem}" for page, role, path, problem in problems]
    return "\n".join(lines)


# --- Checks of an HTML page -------------------------------------------------------------


# Django template syntax that must never reach a page's text.
TEMPLATE_SYNTAX = ("{#", "#}", "{%", "%}", "{{", "}}")


class PageChecker(HTMLParser):
    """Reads a page and lists what is wrong with it: no non-empty <title> or <h1>, links,
    buttons and submit inputs without an accessible name, and template syntax shown as text
    (a {# comment #} that ran over two lines is printed, not hidden)."""

    NAMED = {"a", "button", "title", "h1"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []  # [tag, attributes, start tag text, [text]] of the NAMED still open
        self.titles, self.headings, self.problems = [], [], []
        self.svg_depth = 0
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "script":
            self.in_script = True
        if tag == "svg":
            self.svg_depth += 1
        if tag in self.NAMED and not (tag == "title" and self.svg_depth):
            self.open.append([tag, attributes, self.get_starttag_text(), []])
        elif tag == "img":
            self.handle_data(attributes.get("alt", ""))
        elif tag == "input":
            kind = attributes.get("type", "text").lower()
            if kind in {"submit", "reset", "button"} and not attributes.get("value", "").strip():
                self.problems.append(f"<input type={kind}> without a value: {self._start()}")
            if kind == "image" and not attributes.get("alt", "").strip():
                self.problems.append(f"<input type=image> without alt text: {self._start()}")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in self.NAMED:
            self.handle_endtag(tag)

    def handle_data(self, data):
        for element in self.open:
            element[3].append(data)
        if not self.in_script and any(syntax in data for syntax in TEMPLATE_SYNTAX):
            self.problems.append(f"template syntax shown as text: {data.strip()[:120]!r}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False
        if tag == "svg":
            self.svg_depth = max(0, self.svg_depth - 1)
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                for element in reversed(self.open[index:]):
                    self._judge(*element)
                del self.open[index:]
                return

    def close(self):
        super().close()
        for element in reversed(self.open):
            self._judge(*element)
        self.open = []

    def _start(self):
        return self.get_starttag_text()[:200]

    def _judge(self, tag, attributes, start, parts):
        text = " ".join("".join(parts).split())
        if tag == "title":
            self.titles.append(text)
        elif tag == "h1":
            self.headings.append(text)
        elif not (text or attributes.get("aria-label", "").strip()):
            if not attributes.get("aria-labelledby", "").strip():
                self.problems.append(f"<{tag}> without an accessible name: {start[:200]}")

    def page_problems(self):
        problems = []
        if not self.titles:
            problems.append("no <title>")
        elif not self.titles[0]:
            problems.append("empty <title>")
        if not self.headings:
            problems.append("no <h1>")
        problems += ["empty <h1>" for heading in self.headings if not heading]
        return problems + self.problems


def html_problems(html: str) -> list[str]:
    checker = PageChecker()
    checker.feed(html)
    checker.close()
    return checker.page_problems()
