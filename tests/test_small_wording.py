"""Small things people notice (issue 14, point 6): "Add an objective"; the risk scores without
a blank choice and with what each means; short screening messages; an opinion's page that
asks for an opinion."""

import re

import pytest
from django.urls import reverse

from register.choices import RISK_MEANINGS, RiskImpact, RiskLikelihood
from register.formatting import with_article
from register.models import Risk, Screening
from register.policies.base import SCREENING_KEYS
from register.roles import Role
from tests.approvals_helpers import decide, other_partnership, pending, someone_for
from tests.factories import ArrangementFactory
from tests.test_approvals import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def arrangement(lead_officer):
    return ArrangementFactory(lead_officer=lead_officer)


def text_of(response) -> str:
    """The page's words, one space between them, entities read."""
    from html import unescape

    words = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(unescape(words).split())


# "Add an objective" ---------------------------------------------------------------------------

ARTICLES = [
    ("objective", "an objective"),
    ("partner", "a partner"),
    ("key performance measure", "a key performance measure"),
    ("ad-hoc resilience", "an ad-hoc resilience"),
    ("Officer", "an Officer"),
    ("update", "an update"),
    ("hour", "an hour"),
    ("unit", "a unit"),
    ("user", "a user"),
    ("UK body", "a UK body"),
    ("European partner", "a European partner"),
    ("one-off grant", "a one-off grant"),
    ("Brentwood Borough Partnership", "a Brentwood Borough Partnership"),
]


@pytest.mark.parametrize(("noun", "said"), ARTICLES)
def test_a_noun_takes_a_or_an_as_it_is_said(noun, said):
    assert with_article(noun) == said


ADD_PAGES = [
    ("objectives", "Add an objective"),
    ("partners", "Add a partner"),
    ("risks", "Add a risk"),
    ("representatives", "Add a council representative"),
    ("measures", "Add a key performance measure"),
    ("results", "Add a target and outturn"),
    ("documents", "Add a document"),
]


@pytest.mark.parametrize(("part", "heading"), ADD_PAGES)
def test_each_add_page_is_headed_with_a_or_an_as_it_is_said(
    lead_officer_client, arrangement, part, heading
):
    page = lead_officer_client.get(reverse("register:part-add", args=[arrangement.reference, part]))
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in page.content.decode()
    assert "Add a objective" not in page.content.decode()


# The risk scores ------------------------------------------------------------------------------

SCORES = [
    ("likelihood", 1, "1 – Rare", "May happen only in exceptional circumstances"),
    ("likelihood", 2, "2 – Unlikely", "Could happen at some time, but is not expected to"),
    ("likelihood", 3, "3 – Possible", "Might happen at some time"),
    ("likelihood", 4, "4 – Likely", "Will probably happen at some time"),
    ("likelihood", 5, "5 – Almost certain", "Is expected to happen in most circumstances"),
    ("impact", 1, "1 – Negligible", "Little or no effect on the arrangement's objectives"),
    ("impact", 2, "2 – Minor", "A small, short-lived effect"),
    ("impact", 3, "3 – Moderate", "A noticeable effect on services or objectives"),
    ("impact", 4, "4 – Major", "Serious disruption to services or objectives"),
    ("impact", 5, "5 – Severe", "Objectives not met or services failing"),
]


@pytest.fixture
def risk_page(lead_officer_client, arrangement):
    return lead_officer_client.get(
        reverse("register:part-add", args=[arrangement.reference, "risks"])
    )


@pytest.mark.parametrize(("field", "score", "label", "meaning"), SCORES)
def test_each_risk_score_is_a_radio_with_its_word_and_its_meaning_as_hint(
    risk_page, field, score, label, meaning
):
    page = " ".join(risk_page.content.decode().split())
    radio = re.search(
        rf'<input type="radio" name="{field}" class="govuk-radios__input" id="(\w+)" '
        rf'value="{score}" aria-describedby="(\w+)"',
        page,
    )
    assert radio, f"no radio for {field} {score}"
    radio_id, hint_id = radio.groups()
    assert f'<label class="govuk-label govuk-radios__label" for="{radio_id}"> {label} </label>' in (
        page
    )
    hint = re.search(rf'<span id="{hint_id}" class="govuk-hint govuk-radios__hint">([^<]*)', page)
    assert meaning in hint.group(1).replace("&#x27;", "'")


def test_the_risk_form_offers_no_blank_choice_and_asks_each_score_as_a_question(risk_page):
    page = text_of(risk_page)
    assert "Select an option" not in page
    assert 'value=""' not in " ".join(
        re.findall(r'<input type="radio"[^>]*>', risk_page.content.decode().replace("\n", " "))
    )
    assert "How likely is it to happen?" in page
    assert "How great would its impact be?" in page


def test_the_scales_words_and_meanings_are_kept_in_one_place():
    assert [s.label for s in RiskLikelihood] == [
        "1 – Rare",
        "2 – Unlikely",
        "3 – Possible",
        "4 – Likely",
        "5 – Almost certain",
    ]
    assert [s.label for s in RiskImpact] == [
        "1 – Negligible",
        "2 – Minor",
        "3 – Moderate",
        "4 – Major",
        "5 – Severe",
    ]
    assert {scale: set(meanings) for scale, meanings in RISK_MEANINGS.items()} == {
        RiskLikelihood: {1, 2, 3, 4, 5},
        RiskImpact: {1, 2, 3, 4, 5},
    }


def test_a_risk_is_saved_with_its_scores_and_shown_with_their_words(
    lead_officer_client, arrangement
):
    url = reverse("register:part-add", args=[arrangement.reference, "risks"])
    lead_officer_client.post(url, {"description": "Funding ends", "likelihood": 2, "impact": 4})
    risk = Risk.objects.get()
    assert (risk.likelihood, risk.impact, risk.score) == (2, 4, 8)
    page = text_of(lead_officer_client.get(arrangement.get_absolute_url()))
    assert "2 × 4 = 8 Unlikely, major" in page


# Screening ------------------------------------------------------------------------------------

SCREENING_ERRORS = [
    ("client_contractor", "Select yes if it is a client-contractor contract"),
    ("commissioning", "Select yes if it is a commissioning arrangement"),
    ("grant", "Select yes if it is a grant"),
    ("informal_forum", "Select yes if it is an informal forum or network"),
]


@pytest.mark.parametrize(("key", "message"), SCREENING_ERRORS)
def test_an_unanswered_screening_question_is_told_in_a_short_gov_uk_message(
    lead_officer_client, key, message
):
    answers = {other: "False" for other in SCREENING_KEYS if other != key}
    response = lead_officer_client.post(
        reverse("register:screening"), {"proposal": "Town Centre Forum", **answers}
    )
    assert response.status_code == 400
    assert response.context["form"].errors[key] == [message]
    assert len(message.split()) <= 10
    summary = text_of(response).split("There is a problem", 1)[1]
    assert message in summary
    assert not Screening.objects.exists()


@pytest.mark.parametrize(("key", "message"), SCREENING_ERRORS)
def test_an_answer_other_than_yes_or_no_gets_the_same_message(lead_officer_client, key, message):
    answers = {other: "False" for other in SCREENING_KEYS} | {key: "perhaps"}
    response = lead_officer_client.post(
        reverse("register:screening"), {"proposal": "Town Centre Forum", **answers}
    )
    assert response.context["form"].errors[key] == [message]


SCREENING_QUESTIONS = [
    ("client_contractor", "Is it a client-contractor contract?", "buys a service"),
    ("commissioning", "Is it a commissioning arrangement?", "is paid to deliver a service"),
    ("grant", "Is it a grant?", "gives to, or receives from"),
    ("informal_forum", "Is it an informal forum or network?", "no shared objectives"),
]


@pytest.mark.parametrize(("key", "question", "hint"), SCREENING_QUESTIONS)
def test_each_screening_question_is_short_with_what_it_means_as_its_hint(
    lead_officer_client, key, question, hint
):
    page = lead_officer_client.get(reverse("register:screening")).content.decode()
    assert re.search(rf"<legend[^>]*>\s*{re.escape(question)}\s*</legend>", page)
    assert re.search(rf'id="id_{key}_hint"[^>]*>\s*[^<]*{re.escape(hint)}', page)


def test_a_proposal_name_too_long_is_told_in_plain_words(lead_officer_client):
    answers = {key: "False" for key in SCREENING_KEYS}
    response = lead_officer_client.post(
        reverse("register:screening"), {"proposal": "x" * 201, **answers}
    )
    assert response.context["form"].errors["proposal"] == [
        "The name must be 200 characters or fewer"
    ]


# An opinion's page ----------------------------------------------------------------------------

OPINION_WORDS = ["Do you endorse it?", "Your opinion", "Record my opinion"]
DECISION_WORDS = ["Your decision", "Comment", "Record my decision"]


@pytest.fixture
def approval_round():
    return submit(other_partnership())


def decision_page(client_for, step):
    user = someone_for(step)
    return text_of(client_for(user).get(reverse("approvals:decide", args=[step.pk])))


STEP_PAGES = [
    # (the step, words on its page, words not on it)
    ("opinion", OPINION_WORDS, ["Your decision", "Record my decision"]),
    ("decision", DECISION_WORDS, ["Your opinion", "Do you endorse it?"]),
]


@pytest.mark.parametrize(("kind", "present", "absent"), STEP_PAGES)
def test_an_opinions_page_asks_for_an_opinion_and_a_deciders_for_a_decision(
    client_for, approval_round, kind, present, absent
):
    if kind == "decision":
        for step in pending(approval_round):  # the opinions first (G 2.6)
            decide(step, someone_for(step))
    step = pending(approval_round)[0]
    assert step.kind == kind
    page = decision_page(client_for, step)
    assert [words for words in present if words not in page] == []
    assert [words for words in absent if words in page] == []


def test_an_opinion_recorded_says_so(client_for, approval_round):
    opinion = pending(approval_round)[0]
    client = client_for(someone_for(opinion))
    url = reverse("approvals:decide", args=[opinion.pk])
    token = client.get(url).context["form"]["token"].value()
    response = client.post(
        url,
        {"outcome": "endorse", "comment": "Within the council's powers", "token": token},
        follow=True,
    )
    assert "Your opinion has been recorded" in text_of(response)
    assert opinion.decisions.get().comment == "Within the council's powers"


def test_an_opinion_not_endorsed_must_be_given_in_words(client_for, approval_round):
    opinion = pending(approval_round)[0]
    client = client_for(someone_for(opinion))
    url = reverse("approvals:decide", args=[opinion.pk])
    token = client.get(url).context["form"]["token"].value()
    response = client.post(url, {"outcome": "not_endorse", "comment": "", "token": token})
    assert response.status_code == 400
    assert response.context["form"].errors["comment"] == [
        "Enter your opinion: anything but a plain endorsement must say why"
    ]


def test_read_only_roles_are_not_asked_for_an_opinion(client_for, approval_round):
    opinion = pending(approval_round)[0]
    client = client_for(Role.INTERNAL_AUDIT)
    assert client.get(reverse("approvals:decide", args=[opinion.pk])).status_code == 403
