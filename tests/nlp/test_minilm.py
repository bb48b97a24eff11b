"""The torch-free sentence encoder (nlp/minilm.py).

The safetensors reader is tested on files written here.  The encoder itself needs its optional
model (``make typer``): without it those tests skip, except where ``EVENTWIRE_REQUIRE_TYPER=1``
(CI sets it, after installing the model): there they fail."""
from __future__ import annotations

import json
import struct

import numpy as np
import pytest

from eventwire.errors import EventwireError
from eventwire.nlp import minilm


def _write(path, tensors: dict[str, np.ndarray], dtype_names=None):
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name, arr in tensors.items():
        raw = arr.tobytes()
        kind = (dtype_names or {}).get(name) or {"float32": "F32", "int64": "I64"}[str(arr.dtype)]
        header[name] = {"dtype": kind, "shape": list(arr.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    head = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(head)) + head + b"".join(blobs))


def test_reads_float_and_integer_tensors(tmp_path):
    a = np.arange(6, dtype=np.float32).reshape(2, 3) / 7
    b = np.array([[4, 5, 6]], dtype=np.int64)
    _write(tmp_path / "m.safetensors", {"a": a, "b": b})
    got = minilm.read_safetensors(tmp_path / "m.safetensors")
    assert set(got) == {"a", "b"}
    np.testing.assert_array_equal(got["a"], a)
    np.testing.assert_array_equal(got["b"], b)


def test_an_unknown_dtype_is_a_numbered_error(tmp_path):
    _write(tmp_path / "m.safetensors", {"h": np.zeros(2, dtype=np.float32)}, {"h": "F16"})
    with pytest.raises(EventwireError) as exc:
        minilm.read_safetensors(tmp_path / "m.safetensors")
    assert exc.value.code == "E501" and "F16" in str(exc.value)


def test_missing_model_names_how_to_install(monkeypatch):
    monkeypatch.setattr(minilm, "model_dir", lambda: None)
    with pytest.raises(EventwireError) as exc:
        minilm.Encoder()
    assert exc.value.code == "E501" and "make typer" in str(exc.value)


@pytest.fixture(scope="module")
def encoder(minilm_encoder):
    return minilm_encoder


def test_vectors_have_unit_length(encoder):
    v = encoder.encode(["shell a town", "sign a treaty", "x"])
    assert v.shape == (3, 384) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_padding_does_not_change_a_vector(encoder):
    """A short phrase batched with a long one gets the vector it gets alone."""
    alone = encoder.encode(["bombard a port"])
    batched = encoder.encode(["bombard a port", "the ministers of both countries signed a long agreement on fishing rights"])
    np.testing.assert_allclose(alone[0], batched[0], atol=1e-5)


def test_near_meanings_are_nearer_than_far_ones(encoder):
    v = encoder.encode(["shell the harbour", "bombard the port", "sign a trade pact", "sign a commerce treaty"])
    sims = v @ v.T
    assert sims[0, 1] > sims[0, 2] and sims[0, 1] > sims[0, 3]
    assert sims[2, 3] > sims[2, 0] and sims[2, 3] > sims[2, 1]
