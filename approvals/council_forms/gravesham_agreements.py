"""Gravesham's agreement checklists (Working in Partnership Framework 2021, Appendix 3).

Each asks whether the agreement covers one of Appendix 3's key elements, beside what the
arrangement already holds on it. The templates have no signatures: the Monitoring Officer's
involvement in drawing up the agreement (G 4.2) is recorded in the approval itself.
"""

from approvals.council_forms.base import CouncilForm, Fact, Kind, Section, q
from approvals.council_forms.facts import (
    choice,
    dates,
    documents,
    governance_in_place,
    money,
    partners,
    text,
    yes_no,
)
from approvals.council_forms.gravesham import COUNCIL
from register.choices import DocumentKind
from register.policies.gravesham import PARTNERSHIP_CHECKLIST, SHARED_SERVICE_CHECKLIST

SOURCE = "Working in Partnership Framework 2021, Appendix 3"


def covers(key, label, hint="", required=True):
    return q(key, label, hint, Kind.YES_NO, required=required)


agreement_attached = documents(DocumentKind.AGREEMENT)
council_resources_a_year = money("council_resources_per_year")

IF_PUBLIC = "Only where the partnership will provide services directly to the public."

PARTNERSHIP_AGREEMENT = CouncilForm(
    key=PARTNERSHIP_CHECKLIST.key,
    title="Drawing up a partnership agreement",
    council=COUNCIL,
    source=SOURCE,
    sections=(
        Section(
            "agreement",
            "The Partnership Agreement",
            (
                Fact("Name of Partnership", text("name")),
                Fact("Organisations involved and their contribution", partners),
                Fact("Partnership Agreement attached to the arrangement", agreement_attached),
            ),
            intro="The detail and complexity of any partnership agreement will vary according "
            "to the size and importance of the partnership and the resources it consumes, but "
            "the following key elements will apply in all cases.",
        ),
        Section(
            "aims",
            "Aims, objectives and rationale (1.1)",
            (
                Fact("Purpose, aims and objectives", text("purpose")),
                Fact("Why the council cannot achieve this alone", text("rationale")),
                covers(
                    "states_aims",
                    "Does the Agreement state the partnership's aims and objectives and what "
                    "it plans to actually achieve?",
                ),
                covers(
                    "states_rationale",
                    "Does the Agreement outline the rationale for forming the partnership, "
                    "including why it will enable the partners collectively to achieve results "
                    "that could not be achieved by each of them acting independently or by some "
                    "other means?",
                ),
            ),
            intro="The council and its partners should agree, and state within the Partnership "
            "Agreement:",
        ),
        Section(
            "duration",
            "Duration and renewal (1.2)",
            (
                Fact("Date partnership due to commence and to terminate", dates),
                covers(
                    "states_duration",
                    "Does the Agreement state whether the partnership is intended to last "
                    "indefinitely or for a fixed period (and if so, how long)?",
                ),
                covers(
                    "states_renewal",
                    "Does it provide details of any renewal arrangements for the partnership?",
                ),
            ),
        ),
        Section(
            "governance",
            "Governance arrangements (1.3)",
            (
                Fact(
                    "Governance arrangements in place (or drafted ready for formal approval)",
                    governance_in_place,
                ),
                covers(
                    "sets_out_governance",
                    "Does the Agreement clearly set out the governance arrangements for the "
                    "partnership?",
                    "Covered fully in section 4 of the framework (4.3 a to m): membership, "
                    "representation, decisions, meetings, recording and reporting decisions, "
                    "review of performance and finances, declarations and conflicts of "
                    "interest, ethical standards, amending the Agreement and breaches of it.",
                ),
            ),
        ),
        Section(
            "public",
            "Services to the public (1.4)",
            (
                covers(
                    "serves_public",
                    "Will the partnership provide services directly to the public?",
                ),
                covers(
                    "public_information",
                    "Does the Agreement require it to adopt and publish agreed arrangements "
                    "for informing and consulting the public about the services provided?",
                    IF_PUBLIC,
                    required=False,
                ),
                covers(
                    "public_complaints",
                    "Does the Agreement require it to adopt and publish agreed arrangements "
                    "for handling complaints, with the aim of ensuring that they are resolved "
                    "speedily and without 'buck-passing'?",
                    IF_PUBLIC,
                    required=False,
                ),
                covers(
                    "public_performance",
                    "Does the Agreement require it to adopt and publish agreed performance "
                    "monitoring and performance reporting procedures?",
                    IF_PUBLIC,
                    required=False,
                ),
            ),
        ),
        Section(
            "finance",
            "Funding and resources (1.5)",
            (
                Fact("Overall partnership budget", money("overall_budget")),
                Fact("Resource input by Gravesham Borough Council", council_resources_a_year),
                covers(
                    "funding_responsibilities",
                    "Does the Agreement clearly set out the responsibilities for providing "
                    "funding for the partnership?",
                ),
                covers(
                    "spending_authority",
                    "Does it set out who has the authority to make decisions on how the "
                    "partnership's money and other resources are to be spent?",
                ),
                covers(
                    "reallocation",
                    "Does it set out whether and how resources can be re-allocated between "
                    "various activities?",
                ),
                covers(
                    "financial_reporting",
                    "Does it set out the partnership's financial reporting arrangements "
                    "(including arrangements for reporting back to the Council and the other "
                    "partners)?",
                ),
            ),
            intro="Each Partnership Agreement should set out the following matters clearly.",
        ),
        Section(
            "information",
            "Information sharing, data protection and confidentiality (1.6)",
            (
                Fact("Is personal data shared?", yes_no("shares_personal_data")),
                Fact("Data protection (GDPR) arrangements", text("data_protection_notes")),
                covers(
                    "information_protocol",
                    "Does the Agreement require the partnership to adopt an information "
                    "sharing, data protection and confidentiality protocol?",
                ),
                covers(
                    "protocol_informed",
                    "Does the protocol ensure that all the partners are kept informed about "
                    "matters of mutual interest and concern in order to build trust and "
                    "understanding across the partnership?",
                ),
                covers(
                    "protocol_confidentiality",
                    "Does it ensure that the confidentiality of privileged information is "
                    "respected by all partners?",
                ),
                covers(
                    "protocol_data_protection",
                    "Does it ensure that a consistent and agreed approach is taken to data "
                    "protection and client confidentiality?",
                    "In those partnerships handling and sharing personally identifiable "
                    "information.",
                    required=False,
                ),
                covers(
                    "protocol_indemnities",
                    "Does it ensure that suitable indemnities are provided when considered "
                    "appropriate by the Monitoring Officer (or Deputy Monitoring Officer)?",
                ),
            ),
        ),
        Section(
            "foi",
            "Freedom of Information (1.7)",
            (
                covers(
                    "foi_protocol",
                    "Does the Agreement include a specific protocol for dealing with Freedom "
                    "of Information (FOI) requests?",
                ),
                q(
                    "foi_officer",
                    "Who is designated as the FOI officer for the partnership?",
                    "One officer from a public sector organisation, who consults other partners "
                    "as necessary regarding any potentially contentious enquiries.",
                    Kind.TEXT,
                    max_length=200,
                ),
            ),
        ),
        Section(
            "ending",
            "Disputes, exit and dissolution (1.8)",
            (
                Fact("Exit strategy", text("exit_strategy")),
                covers(
                    "disputes",
                    "Does the Agreement provide for resolution of disputes between partners?",
                ),
                covers(
                    "exit_details",
                    "Does it include details of an 'exit strategy' for the partnership members?",
                ),
                covers(
                    "dissolution",
                    "Does it provide for dissolution of the partnership by mutual agreement or "
                    "on completion of agreed purposes (as appropriate)?",
                ),
                covers(
                    "withdrawal",
                    "Does it provide for the withdrawal of individual partners from a "
                    "continuing partnership?",
                ),
                covers(
                    "exit_equalities",
                    "Within the 'exit strategy', does the agreement ensure that proper "
                    "consideration is given to the Equalities Act 2010, and the impact that "
                    "dissolution will have on the equalities protected characteristics?",
                ),
                covers(
                    "exit_safeguarding",
                    "Within the 'exit strategy', does the agreement ensure that proper "
                    "consideration is given to the Children Act 2004 (s11) and Care Act 2014 "
                    "(s42) and the impact that dissolution will have on the council's statutory "
                    "duty to safeguard and promote the welfare of children and vulnerable "
                    "adults?",
                ),
                covers(
                    "exit_resources",
                    "Do these provisions include arrangements for the disposition of any "
                    "resources contributed by the council and held by or for the partnership, "
                    "and for dealing with any outstanding liabilities that could fall on the "
                    "council?",
                ),
            ),
            intro="The Agreement must also include provision for these.",
        ),
        Section(
            "service_level",
            "Service level agreements (2 and 3)",
            (
                covers(
                    "service_level_agreements",
                    "Will specific service level agreements be needed for further key projects "
                    "or work streams?",
                    "It may not always be necessary: the partnership decides whether the work "
                    "is covered by the overall partnership agreement or if something more "
                    "specific is required.",
                    required=False,
                ),
            ),
        ),
    ),
)

SHARED_SERVICE_AGREEMENT = CouncilForm(
    key=SHARED_SERVICE_CHECKLIST.key,
    title="Drawing up a shared service agreement",
    council=COUNCIL,
    source=SOURCE,
    sections=(
        Section(
            "agreement",
            "The Shared Service Agreement",
            (
                Fact("Shared service", text("name")),
                Fact("Type of shared working arrangement", choice("type")),
                Fact("Partners", partners),
                Fact("Shared service agreement attached to the arrangement", agreement_attached),
            ),
            intro="The detail and complexity of any shared service agreement will vary "
            "according to the level of the shared working arrangement in place and the "
            "resources it consumes. Joint Manager and Joint Officer arrangements are likely to "
            "be a lot less in-depth than the full shared service; this does not however take "
            "away from the importance of having a formal agreement in place.",
        ),
        Section(
            "service",
            "Delegation, provision and accommodation (1.1 to 1.3)",
            (
                covers(
                    "delegation",
                    "Does the agreement give details of how the functions of each "
                    "organisation are delegated?",
                    "As required.",
                    required=False,
                ),
                covers(
                    "provision",
                    "Does it say how the services are to be provided within the shared service?",
                ),
                covers(
                    "accommodation",
                    "Accommodation: does it give details of where the shared service will be "
                    "situated and where officers will be expected to visit as part of their "
                    "duties?",
                ),
            ),
        ),
        Section(
            "staff",
            "Staff transfers (1.4)",
            (
                covers(
                    "staff_transfers",
                    "Staff transfers: does it give details of how staff will be transferred as "
                    "part of the shared working arrangement, along with details of how and when "
                    "this will take effect?",
                    "If required.",
                    required=False,
                ),
            ),
        ),
        Section(
            "funding",
            "Funding, assets and liabilities (1.5 and 1.6)",
            (
                Fact("Resource input by Gravesham Borough Council", council_resources_a_year),
                covers(
                    "funding",
                    "Funding: does it give details of how the shared service will be funded by "
                    "those parties involved and how the payments are to be made?",
                ),
                covers(
                    "assets_liabilities",
                    "Does it give details of any assets and liabilities that need to be taken "
                    "into account in the agreement?",
                ),
            ),
        ),
        Section(
            "termination",
            "Termination (1.7)",
            (
                Fact("Exit strategy", text("exit_strategy")),
                covers(
                    "termination",
                    "Termination: does it give details of how the arrangement can be "
                    "terminated, including the notice period required?",
                ),
            ),
        ),
        Section(
            "foi",
            "Freedom of Information (1.8)",
            (
                covers(
                    "foi",
                    "Does it say how Freedom of Information requests will be dealt with within "
                    "the shared service?",
                ),
            ),
        ),
        Section(
            "scope",
            "Scope of service (1.9)",
            (
                covers(
                    "scope_annex",
                    "Scope of service: does the agreement provide, as an annex to the "
                    "agreement, a detailed description of the services that will be provided "
                    "by the shared service?",
                ),
            ),
        ),
        Section(
            "safeguarding_gdpr",
            "Safeguarding and GDPR (1.10 and 1.11)",
            (
                Fact(
                    "How the arrangement contributes to the council's Safeguarding objectives",
                    text("safeguarding_impact"),
                ),
                Fact("Is personal data shared?", yes_no("shares_personal_data")),
                Fact("Data protection (GDPR) arrangements", text("data_protection_notes")),
                covers(
                    "safeguarding",
                    "Safeguarding: does it give details of how the establishment of the "
                    "arrangement is likely to aid the council in fulfilling its statutory duty "
                    "to safeguard and promote the welfare of children and vulnerable adults?",
                    "As relevant.",
                    required=False,
                ),
                covers(
                    "gdpr",
                    "Does it set out any specific requirements in relation to the General Data "
                    "Protection Regulations (GDPR) that are appropriate to the service?",
                ),
            ),
        ),
    ),
)

FORMS = (PARTNERSHIP_AGREEMENT, SHARED_SERVICE_AGREEMENT)
