"""OpenRouter's model list (`curl -o openrouter-models.json https://openrouter.ai/api/v1/models`): a
`{"data": [...]}` document, one entry per model id ("deepseek/deepseek-v4-pro"). Read: name (without the
"Developer: " prefix), the developer from the id's prefix, context_length, top_provider.max_completion_tokens,
input and output modalities, knowledge_cutoff, hugging_face_id (open weights). `created` is when OpenRouter
listed the model, not its release: it dates a new record as "listed on OpenRouter" and is never compared with
a release date."""

import datetime

from glmref.importers import default_match, empty_model, modalities, positive_int
from glmref.i18n import _
from glmref.schema import Problem
from glmref.values import parse_date

FORMAT = "OpenRouter model list"
ID_PREFIX = "openrouter"
SOURCE_ID = "openrouter-models"
PREFIXES = {"openai": "OpenAI", "anthropic": "Anthropic", "google": "Google", "deepseek": "DeepSeek",
            "qwen": "Alibaba Cloud", "moonshotai": "Moonshot AI", "mistralai": "Mistral AI", "x-ai": "xAI",
            "z-ai": "Zhipu AI", "minimax": "MiniMax", "meta-llama": "Meta", "cohere": "Cohere", "nvidia": "NVIDIA",
            "stepfun": "StepFun", "stepfun-ai": "StepFun", "xiaomi": "Xiaomi", "tencent": "Tencent",
            "baidu": "Baidu", "microsoft": "Microsoft", "amazon": "Amazon", "ai21": "AI21 Labs",
            "perplexity": "Perplexity", "bytedance": "ByteDance", "bytedance-seed": "ByteDance"}
MAX_MODELS = 20_000  # models.dev lists about 5,300 provider entries, OpenRouter about 400


def recognises(document):
    return (isinstance(document, dict) and isinstance(document.get("data"), list)
            and all(isinstance(e, dict) and "id" in e for e in document["data"][:5]))


def read(path, document):
    problems, models, seen = [], [], set()
    entries = document["data"]
    if len(entries) > MAX_MODELS:
        return [], [Problem(path, 1, 1, None, None,
                            _("more than {limit:,} models; glmref reads files up to that size").format(
            limit=MAX_MODELS))]
    for n, entry in enumerate(entries, 1):
        mid, name = entry.get("id"), entry.get("name")
        if not isinstance(mid, str) or not mid.strip():
            problems.append(Problem(path, 1, 1, None, None, _("entry {n} has no id").format(n=n)))
            continue
        if ":" in mid.rsplit("/", 1)[-1]:
            continue  # "…:free", "…:extended": a pricing variant of a model listed under its own id
        if not isinstance(name, str) or not name.strip():
            name = mid.rsplit("/", 1)[-1]
        prefix, _colon, rest = name.partition(": ")
        display = " ".join((rest if rest else name).split())
        if display.lower() in seen:
            continue
        seen.add(display.lower())
        m = empty_model(display, mid, 1)
        m["ids"] = [mid] + ([entry["canonical_slug"]] if isinstance(entry.get("canonical_slug"), str) else [])
        lab = mid.split("/", 1)[0] if "/" in mid else None
        if lab in PREFIXES:
            m["organizations"] = [PREFIXES[lab]]
        elif rest and prefix.strip():
            m["organizations"] = [" ".join(prefix.split())]
        created = entry.get("created")
        if isinstance(created, (int, float)) and not isinstance(created, bool) and 0 < created < 4e9:
            m["date"] = datetime.datetime.fromtimestamp(created, datetime.timezone.utc).date().isoformat()
            m["date_note"] = "the date OpenRouter listed the model, not its release"
        top = entry.get("top_provider") if isinstance(entry.get("top_provider"), dict) else {}
        m["context"] = positive_int(entry.get("context_length")) or positive_int(top.get("context_length"))
        m["max_output"] = positive_int(top.get("max_completion_tokens"))
        arch = entry.get("architecture") if isinstance(entry.get("architecture"), dict) else {}
        m["inputs"] = modalities(arch.get("input_modalities"))
        m["outputs"] = modalities(arch.get("output_modalities"))
        cutoff = entry.get("knowledge_cutoff")
        m["knowledge"] = cutoff[:10] if isinstance(cutoff, str) and parse_date(cutoff[:10]) else None
        hf = entry.get("hugging_face_id")
        m["access"] = ["api"] + (["open-weights"] if isinstance(hf, str) and hf.strip() else [])
        m["link"] = f"https://openrouter.ai/{mid}"
        m["domain"] = "Language" if m["outputs"] == ["text"] else ""
        models.append(m)
    return models, problems


def source_record(models):
    return {"id": SOURCE_ID, "type": "source", "short": "OpenRouter", "name": "OpenRouter",
            "title": "OpenRouter model list (/api/v1/models)", "title_en": None, "kind": "website",
            "date": max((m["date"] for m in models if m["date"]), default="2026")[:4], "authors": [],
            "publisher": "OpenRouter", "url": "https://openrouter.ai/api/v1/models", "arxiv": None, "doi": None,
            "citation": None, "claims": []}


def match(name, table, get, model):
    return default_match(name, table, get, model)
