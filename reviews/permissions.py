"""Who may do what to a review, with the reason in words when they may not."""

from approvals.permissions import holds
from approvals.selectors import approval_of
from register.policies import get_policy
from register.roles import REGISTER_MANAGERS, Role, has_role, is_read_only, is_responsible_for

# Roles that follow every review: the register's keepers, auditors and scrutiny, Directors.
SEES_EVERY_REVIEW = (*REGISTER_MANAGERS, Role.INTERNAL_AUDIT, Role.OVERVIEW_SCRUTINY, Role.DIRECTOR)


def sees_every_review(user) -> bool:
    return has_role(user, *SEES_EVERY_REVIEW)


def completes(user, review) -> bool:
    """The person who must complete it, the officer responsible, or the register's keepers."""
    if is_read_only(user):
        return False
    return (
        review.completed_by_id == user.pk
        or is_responsible_for(user, review.arrangement)
        or has_role(user, *REGISTER_MANAGERS)
    )


def may_consider(user, review) -> tuple[bool, str]:
    """(allowed, why not). The register's keepers record it for whoever considered it; so
    does the person or body's officer the policy names; under Brentwood, whoever decided
    its approval. Never the person who submitted it."""
    if is_read_only(user):
        return False, "Your role can read reviews but not record their consideration."
    if review.submitted_by_id is not None and review.submitted_by_id == user.pk:
        return False, "You submitted this review, so someone else records its consideration."
    if has_role(user, *REGISTER_MANAGERS):
        return True, ""
    plan = get_policy().review_plan(review.arrangement)
    if plan.considered_by_role == Role.PORTFOLIO_HOLDER:
        portfolio = review.arrangement.portfolio
        if portfolio is not None and portfolio.holder_id:
            allowed = portfolio.holder_id == user.pk
        else:
            allowed = has_role(user, Role.PORTFOLIO_HOLDER)
    elif plan.considered_by_role is not None:
        allowed = has_role(user, plan.considered_by_role)
    else:
        approval = approval_of(review.arrangement) if plan.at_approval_level else None
        allowed = approval is not None and any(
            user.pk in (d.decided_by_id, d.on_behalf_of_id) or holds(user, d.step)
            for d in approval.decisions
        )
    if allowed:
        return True, ""
    return (
        False,
        f"Your role does not record its consideration: it is considered by {plan.considered_by}.",
    )
