"""Shared fixtures for the language-pass tests."""
import pytest


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline as the language pass loads it (once per test session)."""
    from eventwire.nlp.pipeline import load_model

    return load_model()
