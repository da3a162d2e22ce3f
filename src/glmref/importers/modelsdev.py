"""models.dev's api.json (MIT; `curl -o models-dev.json https://models.dev/api.json`): providers keyed by id,
each with its models keyed by model id. The same model is served by many providers, so glmref makes one
model per model name: the lab's own provider entry where there is one (deepseek for DeepSeek's models),
otherwise the first provider in the file; the other providers' ids become aliases. Read: release_date,
knowledge, limit.context, limit.output, modalities, open_weights. models.dev gives no parameter counts and
no organizations beyond the provider."""

from glmref.importers import default_match, empty_model, modalities, positive_int
from glmref.i18n import _
from glmref.names import normalize
from glmref.schema import Problem
from glmref.values import parse_date

FORMAT = "models.dev api.json"
ID_PREFIX = "modelsdev"
SOURCE_ID = "models-dev-catalog"
# provider ids that are the developer's own API, and the developer they stand for
LAB_PROVIDERS = {
    "openai": "OpenAI", "anthropic": "Anthropic", "google": "Google", "deepseek": "DeepSeek",
    "alibaba": "Alibaba Cloud", "alibaba-cn": "Alibaba Cloud", "moonshotai": "Moonshot AI",
    "moonshotai-cn": "Moonshot AI", "mistral": "Mistral AI", "xai": "xAI", "zai": "Zhipu AI",
    "zhipuai": "Zhipu AI", "minimax": "MiniMax", "minimax-cn": "MiniMax", "llama": "Meta", "cohere": "Cohere",
    "nvidia": "NVIDIA", "stepfun": "StepFun", "xiaomi": "Xiaomi", "perplexity": "Perplexity",
}
MAX_MODELS = 20_000  # models.dev lists about 5,300 provider entries, OpenRouter about 400


def recognises(document):
    if not isinstance(document, dict) or not document:
        return False
    sample = list(document.values())[:5]
    return all(isinstance(p, dict) and isinstance(p.get("models"), dict) for p in sample)


def _date(value):
    return value if isinstance(value, str) and parse_date(value) else None


def read(path, document):
    problems, by_name, order = [], {}, []
    count = 0
    for pid, provider in document.items():
        if not isinstance(provider, dict) or not isinstance(provider.get("models"), dict):
            problems.append(Problem(path, 1, 1, None, None, _("provider {provider!r} has no models table").format(
                provider=str(pid)[:60])))
            continue
        for mid, entry in provider["models"].items():
            count += 1
            if count > MAX_MODELS:
                problems.append(Problem(
                    path, 1, 1, None, None, _("more than {limit:,} models; glmref reads files up to that size").format(
                        limit=MAX_MODELS)))
                return [], problems
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
                problems.append(Problem(path, 1, 1, None, None, _("model {provider}/{model} has no name").format(
                    provider=str(pid)[:40], model=str(mid)[:60])))
                continue
            key = normalize(entry["name"])
            if not key:
                continue
            lab = pid in LAB_PROVIDERS
            if key not in by_name:
                order.append(key)
                by_name[key] = {"entries": [], "lab": None}
            by_name[key]["entries"].append((pid, str(mid), entry, provider))
            if lab and by_name[key]["lab"] is None:
                by_name[key]["lab"] = len(by_name[key]["entries"]) - 1
    models = []
    for key in order:
        group = by_name[key]
        pid, mid, entry, provider = group["entries"][group["lab"] if group["lab"] is not None else 0]
        m = empty_model(" ".join(entry["name"].split()), f"{pid}/{mid}", 1)
        m["ids"] = sorted({i for _, i, _, _ in group["entries"]} - {m["name"]})
        m["date"] = _date(entry.get("release_date"))
        m["date_note"] = f"release date in models.dev ({pid})"
        m["knowledge"] = _date(entry.get("knowledge"))
        limit = entry.get("limit") if isinstance(entry.get("limit"), dict) else {}
        m["context"] = positive_int(limit.get("context"))
        m["max_output"] = positive_int(limit.get("output"))
        mods = entry.get("modalities") if isinstance(entry.get("modalities"), dict) else {}
        m["inputs"], m["outputs"] = modalities(mods.get("input")), modalities(mods.get("output"))
        m["access"] = (["open-weights"] if entry.get("open_weights") is True else []) + ["api"]
        if pid in LAB_PROVIDERS:
            m["organizations"] = [LAB_PROVIDERS[pid]]
        m["link"] = provider.get("doc") if isinstance(provider.get("doc"), str) else ""
        m["domain"] = "Language" if m["outputs"] == ["text"] else ""
        models.append(m)
    return models, problems


def source_record(models):
    return {"id": SOURCE_ID, "type": "source", "short": "models.dev", "name": "models.dev",
            "title": "models.dev: an open database of AI models (api.json)", "title_en": None, "kind": "website",
            "date": max((m["date"] for m in models if m["date"]), default="2026")[:4], "authors": [],
            "publisher": "models.dev", "url": "https://models.dev/api.json", "arxiv": None, "doi": None,
            "citation": None, "claims": []}


def match(name, table, get, model):
    return default_match(name, table, get, model)
