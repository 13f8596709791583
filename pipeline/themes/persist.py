"""Save and load the theme model with skops (no pickle).

A model directory holds ``model.skops`` (the estimators), ``meta.json`` (themes,
thresholds, training facts, metrics) and ``MODEL_CARD.md``. Loading lists the
types the skops file would instantiate and refuses the file if any is outside
TRUSTED_TYPES, with UntrustedModelError naming them.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from ..errors import DanvanError, UntrustedModelError
from .model import ThemeModel

REPO = Path(__file__).resolve().parents[2]
DEFAULT_MODEL_DIR = REPO / "models" / "themes"
MODEL_FILE, META_FILE = "model.skops", "meta.json"
# Bump when the saved layout or stage-2 features change: older models are refused clearly.
MODEL_FORMAT = 3

# Exactly the types a theme model is made of (beyond what skops trusts by default).
TRUSTED_TYPES = frozenset({
    "pipeline.themes.ordinal.OrdinalLevelClassifier",
    "pipeline.themes.ordinal.ConstantProbability",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.feature_extraction.text.HashingVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.multioutput.MultiOutputClassifier",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
    "builtins.int", "builtins.float", "builtins.str", "builtins.dict", "builtins.list",
    "builtins.tuple", "builtins.bool", "builtins.NoneType",
    "numpy.dtype", "numpy.float32", "numpy.float64", "numpy.int64", "numpy.int32",
    "numpy.ndarray", "numpy.bool_", "numpy.random.RandomState",
    "numpy.random._mt19937.MT19937",
    "scipy.sparse._csr.csr_matrix", "scipy.sparse._csr.csr_array",
})


def model_dir(path: str | os.PathLike | None = None) -> Path:
    """``path``, else ``$DANVAN_THEMES_MODEL``, else models/themes of the repository."""
    if path is not None:
        return Path(path)
    env = os.environ.get("DANVAN_THEMES_MODEL")
    return Path(env) if env else DEFAULT_MODEL_DIR


def save_model(model: ThemeModel, directory: str | os.PathLike) -> Path:
    import skops.io as sio

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    payload = {"stage1": model.stage1, "stage2": list(model.stage2),
               "sentence": [list(pair) for pair in model.sentence]}
    sio.dump(payload, directory / MODEL_FILE, compression=8)  # zipfile.ZIP_DEFLATED
    meta = dict(model.meta, themes=model.themes, thresholds=model.thresholds,
                sources=model.sources, format=MODEL_FORMAT)
    (directory / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n",
                                       encoding="utf-8")
    _load_cached.cache_clear()
    return directory


def load_model(directory: str | os.PathLike | None = None) -> ThemeModel:
    """The model saved in ``directory`` (cached per process: cheap to call again)."""
    directory = model_dir(directory)
    path = directory / MODEL_FILE
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise DanvanError(f"no theme model at {directory} (train one with `danvan train`)") from None
    return _load_cached(str(directory.resolve()), stamp)


@lru_cache(maxsize=4)
def _load_cached(directory: str, stamp: int) -> ThemeModel:
    import skops.io as sio

    directory = Path(directory)
    path = directory / MODEL_FILE
    try:
        found = sio.get_untrusted_types(file=path)
    except Exception as exc:  # not a zip, truncated, not a skops file ...
        raise DanvanError(f"{path} is not a readable skops model: {exc}") from None
    untrusted = sorted(set(found) - TRUSTED_TYPES)
    if untrusted:
        raise UntrustedModelError(
            f"{path} holds types outside the trusted list, refusing to load: "
            + ", ".join(untrusted))
    try:
        payload = sio.load(path, trusted=sorted(found))
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DanvanError(f"incomplete model directory {directory}: {exc.filename} missing") from None
    except Exception as exc:
        raise DanvanError(f"cannot load the theme model from {directory}: {exc}") from None
    if meta.get("format") != MODEL_FORMAT:
        raise DanvanError(f"the theme model in {directory} has format {meta.get('format')}, this "
                          f"danvan reads format {MODEL_FORMAT}: retrain it with `danvan train`")
    themes, thresholds = meta.pop("themes"), meta.pop("thresholds")
    sources = meta.pop("sources", [])
    return ThemeModel(themes=themes, stage1=payload["stage1"], stage2=list(payload["stage2"]),
                      sentence=[list(p) for p in payload.get("sentence", [])],
                      thresholds=thresholds, sources=sources, meta=meta)
