"""Shared fixtures for the event-coder tests."""
import pytest


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline as eventwire loads it, once per test session."""
    from eventwire.nlp.pipeline import load_model

    return load_model()
