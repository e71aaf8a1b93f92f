"""How alike two sets of sentences are, offline: word embeddings shipped inside a PyPI wheel, or words alone.

The model is WordLlama's ``l2_supercat`` 256-dimension token embeddings (MIT licence), which the ``wordllama``
wheel carries with its tokenizer. It is loaded straight from the installed package: ``WordLlama.load()`` would
look for the tokenizer in the wrong folder and then try to download it, and nothing here may download anything.
When the package or its files are missing, a lexical measure takes over (BM25-weighted cosine of word stems),
and ``method`` says which one was used. Both return a matrix of cosines in [-1, 1].
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache

import numpy as np


@cache
def _model():
    try:
        from pathlib import Path

        import wordllama
        from safetensors import safe_open
        from tokenizers import Tokenizer
        from wordllama.inference import WordLlamaInference

        root = Path(wordllama.__file__).parent
        tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
        with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), framework="np") as f:
            embedding = f.get_tensor("embedding.weight")
        return WordLlamaInference(embedding, tokenizer, binary=False)
    except (ImportError, OSError, KeyError, ValueError, RuntimeError):
        return None


def method() -> str:
    return "wordllama l2_supercat_256" if _model() is not None else "lexical (BM25 cosine)"


def similarity(a: list[str], b: list[str], lexical: bool = False) -> np.ndarray:
    """len(a) x len(b) cosine similarities."""
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    model = None if lexical else _model()
    if model is None:
        return _lexical(a, b)
    ea = model.embed(a, norm=True)
    eb = model.embed(b, norm=True)
    return np.asarray(ea @ eb.T, dtype=np.float32)


STOP = frozenset(["a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have", "in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "there", "these", "this", "to", "was", "were", "which", "with", "who", "will", "we", "our", "they", "them", "he", "she", "his", "her", "i", "you", "your", "not"])


def words(text: str) -> list[str]:
    """Lower-case word stems (a crude suffix strip: plurals, -ing, -ed, -ly), stop words dropped."""
    out = []
    for w in re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")):
        if w in STOP or len(w) < 2:
            continue
        for suffix in ("ingly", "ings", "ing", "edly", "ed", "ly", "ies", "es", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[: -len(suffix)] + ("y" if suffix == "ies" else "")
                break
        out.append(w)
    return out


def _lexical(a: list[str], b: list[str]) -> np.ndarray:
    docs = [Counter(words(t)) for t in a + b]
    df = Counter(w for d in docs for w in d)
    n = len(docs)
    avg = sum(sum(d.values()) for d in docs) / n or 1.0
    vocab = {w: i for i, w in enumerate(df)}
    m = np.zeros((n, len(vocab)), dtype=np.float32)
    for r, d in enumerate(docs):
        length = sum(d.values())
        for w, tf in d.items():
            idf = math.log(1 + (n - df[w] + 0.5) / (df[w] + 0.5))
            m[r, vocab[w]] = idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / avg))
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    m = m / np.where(norms == 0, 1, norms)
    return m[: len(a)] @ m[len(a):].T
