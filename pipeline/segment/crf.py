"""underthesea's word-segmentation CRF, decoded in Python from its own model files.

underthesea's ``word_tokenize`` turns every token into 43 feature strings
(``T[-1,0].lower=dân tộc``...) in Rust, hands them to Python, and back to a
Rust CRF tagger: building and converting ~26,000 strings per article is most of
its time. Here the same templates, dictionary and crfsuite weights are read once;
each distinct word, word pair and word triple gets its summed weights once per
process; a sentence is then a few dictionary lookups per token and a two-label
Viterbi. Output is the same as ``word_tokenize``: when two paths score within
``TIE_MARGIN`` of each other (our sums are grouped differently from underthesea's,
so the last bits can differ) the caller falls back to underthesea for that
sentence. ``pipeline.segment.words`` checks agreement on probe sentences before
using it at all.
"""
from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

TIE_MARGIN = 1e-7  # far above float error on ~50 summed weights, far below any real margin
_TEMPLATE_RE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(lower|isdigit|istitle|is_in_dict))?$")
_I32 = (-2 ** 31, 2 ** 31)


class ModelFormatError(ValueError):
    """The model files are not what this decoder understands."""


class NearTie(Exception):
    """Two label paths score too close to call: let underthesea decide."""


def _read_cqdb(data: bytes, offset: int) -> list[str]:
    """The strings of a crfsuite CQDB chunk, indexed by id (its backward array)."""
    if data[offset:offset + 4] != b"CQDB":
        raise ModelFormatError(f"no CQDB chunk at {offset:#x}")
    _size, _flag, _order, bwd_size, bwd_offset = struct.unpack_from("<5I", data, offset + 4)
    strings = []
    for slot in struct.unpack_from(f"<{bwd_size}I", data, offset + bwd_offset):
        _id, ksize = struct.unpack_from("<2I", data, offset + slot)
        start = offset + slot + 8
        strings.append(data[start:start + ksize - 1].decode("utf-8"))  # ksize counts the NUL
    return strings


def read_crfsuite(path: str | Path) -> tuple[list[str], dict[str, tuple[float, ...]], list[list[float]]]:
    """(labels, state weights by attribute string, transition matrix) of a crfsuite model."""
    data = Path(path).read_bytes()
    if data[:4] != b"lCRF" or data[8:12] != b"FOMC":
        raise ModelFormatError(f"{path}: not a crfsuite first-order model")
    (_version, _n, n_labels, _n_attrs, off_features, off_labels, off_attrs) = struct.unpack_from(
        "<7I", data, 12)
    labels = _read_cqdb(data, off_labels)
    attrs = _read_cqdb(data, off_attrs)
    if len(labels) != n_labels or data[off_features:off_features + 4] != b"FEAT":
        raise ModelFormatError(f"{path}: unexpected layout")
    (count,) = struct.unpack_from("<I", data, off_features + 8)
    state: dict[str, list[float]] = {}
    transitions = [[0.0] * n_labels for _ in range(n_labels)]
    for kind, src, dst, weight in struct.iter_unpack("<3Id", data[off_features + 12:off_features + 12 + 20 * count]):
        if kind == 0:
            state.setdefault(attrs[src], [0.0] * n_labels)[dst] += weight
        elif kind == 1:
            transitions[src][dst] += weight
        else:
            raise ModelFormatError(f"{path}: unknown feature type {kind}")
    return labels, {a: tuple(w) for a, w in state.items()}, transitions


def _is_i32(text: str) -> bool:
    """underthesea's ``isdigit``: the text parses as a 32-bit integer (optional sign)."""
    digits = text[1:] if text[:1] in "+-" else text
    return bool(digits) and digits.isascii() and digits.isdigit() and _I32[0] <= int(text) < _I32[1]


def _is_title(text: str) -> bool:
    """underthesea's ``istitle``: every space-separated part starts with an unchanged-by-upper char."""
    for part in text.split(" "):
        if part[0] != part[0].upper():
            return False
    return True


class CrfWordSegmenter:
    """Decode underthesea's segmentation model: tokens in, B-W/I-W labels out."""

    def __init__(self, templates: Sequence[str], dictionary: set[str], model_path: str | Path,
                 cache_limit: int = 60_000):
        self.dictionary = dictionary
        self.labels, self.state, transitions = read_crfsuite(model_path)
        if len(self.labels) != 2:
            raise ModelFormatError("the decoder handles two labels (B-W, I-W)")
        (self.t00, self.t01), (self.t10, self.t11) = transitions
        # Group the templates by n-gram length and start offset: a group's weights depend
        # only on the n-gram starting at that offset, so they are summed once per n-gram.
        self.groups: dict[int, dict[int, list[tuple[str, Optional[str]]]]] = {}
        for template in templates:
            match = _TEMPLATE_RE.match(template)
            if not match:
                raise ModelFormatError(f"unknown feature template {template!r}")
            first = int(match.group(1))
            last = int(match.group(2)) if match.group(2) is not None else first
            if last < first:
                raise ModelFormatError(f"bad feature template {template!r}")
            self.groups.setdefault(last - first + 1, {}).setdefault(first, []).append(
                (template, match.group(3)))
        self.pad = max(-first for by_start in self.groups.values() for first in by_start)
        self.pad = max(self.pad, max(first + size for size, by_start in self.groups.items()
                                     for first in by_start))
        self.cache_limit = cache_limit
        self._caches: dict[int, dict[str, bytes]] = {size: {} for size in self.groups}
        self._previous: dict[int, dict[str, bytes]] = {size: {} for size in self.groups}
        self._compiled = {size: self._compile(size) for size in self.groups}
        self._bos = {size: self._edge_record(size, "BOS") for size in self.groups}
        self._eos = {size: self._edge_record(size, "EOS") for size in self.groups}

    def _compile(self, size: int) -> tuple:
        """How to sum an n-gram's weights fast: the open-vocabulary templates (the n-gram or its
        lowercase) as (attribute prefix, slot), and for the yes/no functions (isdigit, istitle,
        is_in_dict) the summed weights of every combination of their answers, precomputed."""
        raw, lower, flag_weights = [], [], {}
        for slot, first in enumerate(sorted(self.groups[size])):
            for template, function in self.groups[size][first]:
                if function is None:
                    raw.append((template + "=", 2 * slot))
                elif function == "lower":
                    lower.append((template + "=", 2 * slot))
                else:
                    flag_weights.setdefault(function, []).append((template, slot))
        functions = tuple(sorted(flag_weights))
        n_slots = len(self.groups[size])
        combos = []
        for combo in range(2 ** len(functions)):
            out = [0.0] * (2 * n_slots)
            for bit, function in enumerate(functions):
                value = "True" if combo >> bit & 1 else "False"
                for template, slot in flag_weights[function]:
                    wb, wi = self.state.get(f"{template}={value}", (0.0, 0.0))
                    out[2 * slot] += wb
                    out[2 * slot + 1] += wi
            combos.append(out)
        return functions, combos, raw, lower

    def _edge_record(self, size: int, marker: str) -> bytes:
        out = []
        for first in sorted(self.groups[size]):
            b = i = 0.0
            for template, _function in self.groups[size][first]:
                wb, wi = self.state.get(f"{template}={marker}", (0.0, 0.0))
                b += wb
                i += wi
            out += (b, i)
        return struct.pack(f"<{len(out)}d", *out)

    def _gram_record(self, size: int, text: str) -> bytes:
        """Packed (B, I, B, I, ...) summed weights of the n-gram ``text`` at each start offset."""
        cache = self._caches[size]
        record = cache.get(text)
        if record is not None:
            return record
        record = self._previous[size].get(text)
        if record is None:
            record = self._compute_record(size, text)
        if len(cache) >= self.cache_limit:
            # Two generations: the full cache becomes the previous one, whose entries are
            # moved back when used again, so frequent n-grams survive and memory stays bounded.
            self._previous[size] = cache
            cache = self._caches[size] = {}
        cache[text] = record
        return record

    def _compute_record(self, size: int, text: str) -> bytes:
        functions, combos, raw, lower = self._compiled[size]
        lowered = text.lower()
        combo = 0
        for bit, function in enumerate(functions):
            if function == "isdigit":
                yes = _is_i32(text)
            elif function == "istitle":
                yes = _is_title(text)
            else:  # is_in_dict
                yes = lowered in self.dictionary
            combo |= yes << bit
        out = combos[combo][:]
        get = self.state.get
        for prefix, at in raw:
            weights = get(prefix + text)
            if weights is not None:
                out[at] += weights[0]
                out[at + 1] += weights[1]
        for prefix, at in lower:
            weights = get(prefix + lowered)
            if weights is not None:
                out[at] += weights[0]
                out[at + 1] += weights[1]
        # Packed doubles: a third of the memory of a tuple of floats, and one
        # bytes.join + frombuffer turns a sentence's records into an array.
        return struct.pack(f"<{len(out)}d", *out)

    def emissions(self, tokens: Sequence[str]):
        """(n, 2) array: each token's summed state weights for label 0 and label 1."""
        n = len(tokens)
        pad = self.pad
        total = np.zeros((n, 2))
        for size, by_start in self.groups.items():
            grams = tokens if size == 1 else [" ".join(tokens[k:k + size]) for k in range(n - size + 1)]
            # Padded so that row pad + k is the n-gram starting at token k: before the
            # sentence an n-gram is BOS, past its end EOS (underthesea's rule).
            rows = ([self._bos[size]] * pad + [self._gram_record(size, g) for g in grams]
                    + [self._eos[size]] * (pad + size))
            padded = np.frombuffer(b"".join(rows), dtype="<f8").reshape(len(rows), -1)
            for slot, first in enumerate(sorted(by_start)):
                total += padded[pad + first:pad + first + n, 2 * slot:2 * slot + 2]
        return total

    def tag(self, tokens: Sequence[str]) -> list[int]:
        """A label index (into ``labels``) per token; raises NearTie when a decision is too close."""
        n = len(tokens)
        if n == 0:
            return []
        emit_b, emit_i = self.emissions(tokens).T.tolist()
        t00, t01, t10, t11 = self.t00, self.t01, self.t10, self.t11
        score_b, score_i = emit_b[0], emit_i[0]
        back: list[tuple[int, int]] = []
        for k in range(1, n):
            from_b, from_i = score_b + t00, score_i + t10  # into label 0
            into_b = 0 if from_b >= from_i else 1
            to_b, to_i = score_b + t01, score_i + t11  # into label 1
            into_i = 0 if to_b >= to_i else 1
            if abs(from_b - from_i) < TIE_MARGIN or abs(to_b - to_i) < TIE_MARGIN:
                raise NearTie
            back.append((into_b, into_i))
            score_b = max(from_b, from_i) + emit_b[k]
            score_i = max(to_b, to_i) + emit_i[k]
        if abs(score_b - score_i) < TIE_MARGIN:
            raise NearTie
        label = 0 if score_b >= score_i else 1
        path = [label]
        for into_b, into_i in reversed(back):
            label = into_b if label == 0 else into_i
            path.append(label)
        path.reverse()
        return path
