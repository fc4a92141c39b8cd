import pytest

from register.roles import Role
from tests.factories import UserFactory


@pytest.fixture
def user_with_role(db):
    """user_with_role(Role.MONITORING_OFFICER) -> a saved user in that role's group."""

    def make(*roles, **kwargs):
        return UserFactory(roles=list(roles), **kwargs)

    return make


@pytest.fixture
def client_for(client, user_with_role):
    """client_for(user) or client_for(Role.X): a test client signed in as that user."""

    def sign_in(who, **kwargs):
        user = user_with_role(who, **kwargs) if isinstance(who, Role) else who
        client.force_login(user)
        client.user = user
        return client

    return sign_in


@pytest.fixture
def lead_officer(user_with_role):
    return user_with_role(Role.LEAD_OFFICER)


@pytest.fixture
def lead_officer_client(client_for, lead_officer):
    return client_for(lead_officer)
