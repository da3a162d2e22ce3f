"""The shapes of what glmref returns, as TypedDicts: the same documents as `--json` and the shipped JSON
Schema (glmref/schemas/output.schema.json); tests/test_api.py checks that the keys here and there agree.
Fields that may be absent from a record are typed Optional; every key is always present."""

from typing import List, Literal, Optional, TypedDict


class Ref(TypedDict):
    id: str
    name: str
    name_zh: Optional[str]


class OrganizationSummary(TypedDict):
    id: str
    name: str
    name_zh: Optional[str]
    country: str
    country_name: str


class SourceRecord(TypedDict):
    id: str
    short: str
    title: Optional[str]
    title_en: Optional[str]
    kind: Optional[str]
    date: Optional[str]
    authors: List[str]
    publisher: Optional[str]
    url: Optional[str]
    arxiv: Optional[str]
    doi: Optional[str]
    citation: Optional[str]
    type: str
    link: Optional[str]


class DateFact(TypedDict):
    date: str
    precision: Literal["year", "month", "day"]
    event: Optional[str]
    source: str
    note: Optional[str]


class CutoffFact(DateFact):
    training_data: Optional[str]


class SizeFact(TypedDict):
    value: Optional[int]
    human: str
    status: Literal["disclosed", "undisclosed", "unknown"]
    active: Optional[int]
    active_human: Optional[str]
    sizes: List[int]
    sizes_human: List[str]
    source: Optional[str]
    note: Optional[str]


class ComputeFact(TypedDict):
    value: Optional[float]
    human: str
    status: Literal["disclosed", "undisclosed", "unknown"]
    estimate: bool
    confidence: Optional[str]
    source: Optional[str]
    note: Optional[str]


class ContextFact(TypedDict):
    value: Optional[int]
    status: Literal["disclosed", "undisclosed", "unknown"]
    source: str
    note: Optional[str]


class TokensFact(TypedDict):
    value: int
    source: str
    note: Optional[str]


class ArchitectureFact(TypedDict):
    type: str
    moe: bool
    source: str
    note: Optional[str]


class ModalitiesFact(TypedDict):
    input: List[str]
    output: List[str]
    source: str
    note: Optional[str]


class AccessFact(TypedDict):
    types: List[str]
    license: Optional[str]
    source: str
    note: Optional[str]


class ApiIds(TypedDict):
    ids: List[str]
    source: str
    note: Optional[str]


class Lifecycle(TypedDict):
    legacy: Optional[str]
    deprecated: Optional[str]
    retired: Optional[str]
    status: str
    source: str
    note: Optional[str]


class Disagreement(TypedDict):
    field: str
    claimed: str
    estimate: bool
    source: str
    source_short: Optional[str]
    where: Optional[str]
    note: Optional[str]
    canonical: str
    canonical_source: Optional[str]


class Model(TypedDict):
    """A model record, as `glmref show MODEL --json` and each item of `glmref list --json`."""

    id: str
    type: Literal["model"]
    kind: str
    name: str
    name_zh: Optional[str]
    aliases: List[str]
    family: Optional[str]
    organizations: List[OrganizationSummary]
    released: Optional[DateFact]
    parameters: SizeFact
    training_tokens: Optional[SizeFact]
    training_compute: ComputeFact
    context_window: Optional[ContextFact]
    max_output_tokens: Optional[TokensFact]
    knowledge_cutoff: Optional[CutoffFact]
    architecture: Optional[ArchitectureFact]
    modalities: Optional[ModalitiesFact]
    access: Optional[AccessFact]
    api_ids: Optional[ApiIds]
    lifecycle: Optional[Lifecycle]
    predecessor: Optional[Ref]
    successors: List[Ref]
    based_on: List[Ref]
    concepts: List[Ref]
    introduced: List[str]
    description: Optional[str]
    description_zh: Optional[str]
    disagreements: List[Disagreement]
    sources: List[SourceRecord]
    origin: Optional[str]


class SearchMatch(TypedDict):
    field: str
    text: str
    score: float


class SearchHit(TypedDict):
    id: str
    type: str
    name: str
    name_zh: Optional[str]
    kind: Optional[str]
    score: float
    matched: List[SearchMatch]


class ComparisonRow(TypedDict):
    field: str
    label: str
    values: List[str]
    differs: bool


# "from" is a Python keyword, so this shape is written in TypedDict's functional form
Growth = TypedDict("Growth", {"from": str, "to": str, "parameters_factor": Optional[float],
                              "compute_factor": Optional[float], "months": Optional[int]})


class Comparison(TypedDict):
    models: List[Model]
    rows: List[ComparisonRow]
    growth: List[Growth]


class LineageNode(TypedDict, total=False):
    """A node of `glmref family --json`: the record, how it descends from its parent, and its children.
    `repeat` marks a record shown in full elsewhere in the tree, `loop` a link back to an ancestor,
    `truncated` a node below the depth limit whose descendants are not listed."""

    id: str
    name: str
    name_zh: Optional[str]
    type: str
    date: Optional[str]
    organizations: List[str]
    highlight: bool
    relation: Optional[Literal["successor", "based on"]]
    children: List["LineageNode"]
    repeat: bool
    loop: bool
    truncated: bool
