"""The trained name tagger as a pipeline component: names no list holds, where the rules are silent.

``kg_ner`` runs the tagger trained by ``kg train`` (a BIO tagger over jieba words, shipped in
``kg/extract/model``) on the pipeline's Doc and proposes Enterprise and Industry candidates
(Organization too when configured). The rules keep precedence where they are sure: a proposal
that overlaps a rule candidate is dropped, except a firm name that swallows a place at its start
(宁德 + 时代) or that extends a suffix rule's uncertain left edge (材料有限公司 → 株洲云翎新材料有限公司).
"""
from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import NORM, ORTH, PREFIX, SHAPE, SUFFIX
from spacy.strings import hash_string
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array

from kg.extract.candidates import Candidate, Overlaps
from kg.extract.industry import lists_stages_or_modes, plausible_sector, trim_sector_edges
from kg.extract.lexicon import (
    ENTERPRISE_SUFFIXES, GENERIC_INDUSTRY_WORDS, GENERIC_NAME_WORDS, NAME_BOUNDARY_WORDS, SECTOR_VERBS,
)
from kg.extract.names import glued_function_chars, is_function_word, word_tag

#: Model label → entity type.
TYPES = {"ENT": "Enterprise", "IND": "Industry", "ORG": "Organization", "LOC": "Region"}
_INDUSTRY_MARKERS = ("产业", "行业")
_NAME_EDGE = "，,。；;：:、！？!?（）()《》“”\"'‘’【】[]　 \n\t·-—"


@spacy.registry.architectures("kg.NameEmbed.v1")
def name_embed(width: int, rows: list[int]) -> Model:
    """spaCy's MultiHashEmbed over NORM, PREFIX, SUFFIX, SHAPE plus one more column: the word's
    class in jieba's dictionary (part of speech and frequency band, or unknown).

    Word identities of real prose are mostly unseen in generated training text; the dictionary
    class is not, and tells a frequent verb (出现) from a word the dictionary never met (峰羽).
    """
    if len(rows) != 5:
        raise ValueError("kg.NameEmbed.v1 needs five row counts: NORM PREFIX SUFFIX SHAPE LEXCLASS")
    embeddings = [HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(5)]
    return chain(
        Model("kg_lexical_features", _features_forward),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * 5, nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )


_ATTRS = [NORM, PREFIX, SUFFIX, SHAPE, ORTH]


def _features_forward(model: Model, docs, is_train: bool):
    """The four lexeme attributes, and the dictionary class computed once per distinct word
    (the ORTH column is replaced by it): no per-token Python objects on long documents."""
    features = []
    for doc in docs:
        columns = doc.to_array(_ATTRS).reshape((len(doc), len(_ATTRS))).astype("uint64")
        words, where = numpy.unique(columns[:, 4], return_inverse=True)
        strings = doc.vocab.strings
        classes = numpy.fromiter((lexical_class(strings[int(h)]) for h in words), dtype="uint64", count=len(words))
        columns[:, 4] = classes[where.reshape(-1)]
        features.append(model.ops.asarray2i(columns, dtype="uint64"))
    return features, lambda d_features: []


@lru_cache(maxsize=1 << 18)
def lexical_class(word: str) -> int:
    """Hash of the word's dictionary class: ``tag|band`` (n|9, v|12), ``?|0`` when unknown."""
    if word.isspace():
        return hash_string("space")
    if word.isdigit() or word.replace(".", "", 1).isdigit():
        return hash_string("number")
    if word.isascii() and word.isalpha():
        return hash_string("latin")
    tags, freq = _dictionary()
    count = freq.get(word, 0)
    band = min(int(math.log2(count)) // 2 + 1, 12) if count > 0 else 0
    return hash_string(f"{tags.get(word, '?')}|{band}")


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, str], dict[str, int]]:
    from kg.segmenter import jieba_tokenizer, word_tags

    frequencies = jieba_tokenizer().FREQ
    return word_tags(), frequencies


def decode(scores: numpy.ndarray, labels: Sequence[str]) -> list[tuple[int, int, str, float]]:
    """Token spans ``(start, end, label, confidence)`` from per-token label probabilities.

    An I- tag with no B- before it opens a span (a softmax tagger is not constrained to valid
    sequences); confidence is the lowest winning probability over the span's tokens.
    """
    if len(scores) == 0:
        return []
    scores = numpy.asarray(scores)
    best = scores.argmax(axis=1)
    # the tagger returns unnormalised scores at prediction time: softmax for probabilities
    prob = 1.0 / numpy.exp(scores - scores.max(axis=1, keepdims=True)).sum(axis=1)
    outside = [i for i, label in enumerate(labels) if not label.startswith(("B-", "I-"))]
    names = numpy.flatnonzero(~numpy.isin(best, outside))
    spans: list[tuple[int, int, str, float]] = []
    start, label, low, last = -1, "", 1.0, -2
    for i in names.tolist():
        tag = labels[best[i]]
        kind = tag[2:]
        if tag.startswith("I-") and i == last + 1 and kind == label:
            low, last = min(low, float(prob[i])), i
            continue
        if start >= 0:
            spans.append((start, last + 1, label, low))
        start, label, low, last = i, kind, float(prob[i]), i
    if start >= 0:
        spans.append((start, last + 1, label, low))
    return spans


@lru_cache(maxsize=4)
def load_tagger(model_dir: str):
    """The tagger's thinc model and labels, loaded once per process and path."""
    import spacy

    from kg.errors import KgError

    path = Path(model_dir)
    if not (path / "config.cfg").is_file():
        raise KgError(f"no trained name model in {path} (run `kg train --out {path}`)")
    nlp = spacy.load(path)
    tagger = nlp.get_pipe("tagger")
    return tagger.model, tuple(tagger.labels)


#: Tokens the tagger's window layers read at once (beside the context they need at either end):
#: their arrays for a whole 200k-character piece outgrow the CPU's caches and cost up to about twice
#: as much per token as those of an ordinary document (the more, the more other processes share them).
TAGGER_WINDOW_TOKENS = 4096


def unique_rows(array: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """``numpy.unique(array, axis=0, return_inverse=True)``: the distinct rows in order, and which of them each
    row is; from one sort of the rows by their columns, where numpy sorts them as records (a comparison through
    their fields each time, about thrice the time for a document's lexical features)."""
    order = numpy.lexsort(array.T[::-1])  # by the first column, then the next …
    ordered = array[order]
    opens = numpy.ones(len(array), dtype=bool)  # whether a row of the sorted array differs from the one before
    opens[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
    of_row = numpy.empty(len(array), dtype=numpy.intp)
    of_row[order] = numpy.cumsum(opens) - 1
    return ordered[opens], of_row


#: Rows of lexical features whose vectors :class:`EmbeddedRows` keeps (a 400-document archive has 26k).
EMBEDDED_ROWS_KEPT = 1 << 16


class EmbeddedRows:
    """The embedding's vectors of the rows of lexical features met so far, kept across documents: a
    row's vector is a function of the row alone (the same bits in any batch), and four in five of a
    document's distinct rows were another document's too (its common words), so only rows new to the
    process go through the embedding. At most ``limit`` rows are kept; then the store begins again.
    (A Dask worker's threads share one extractor: one document at a time updates the store.)"""

    def __init__(self, embedding: Model, limit: int = EMBEDDED_ROWS_KEPT):
        self.embedding = embedding
        self.limit = limit
        self.index: dict[bytes, int] = {}  # a row's bytes → its line in ``vectors``
        self.vectors: numpy.ndarray | None = None  # its first len(index) lines in use
        self._lock = threading.Lock()

    def __call__(self, rows: numpy.ndarray) -> numpy.ndarray:
        """The vectors of distinct ``rows`` (one a line), in their order."""
        with self._lock:
            return self._vectors(numpy.ascontiguousarray(rows))

    def _vectors(self, rows: numpy.ndarray) -> numpy.ndarray:
        keys = rows.view(numpy.dtype((numpy.void, rows.shape[1] * rows.itemsize))).ravel().tolist()
        if len(self.index) + len(keys) > self.limit:
            self.index = {}
        get = self.index.get
        lines = [get(key, -1) for key in keys]
        new = [i for i, line in enumerate(lines) if line < 0]
        if new:
            fresh = self.embedding.predict([rows[new]])[0]
            first = len(self.index)
            kept = 0 if self.vectors is None else len(self.vectors)
            if first + len(new) > kept:
                grown = numpy.empty((max(2 * kept, first + len(new)), fresh.shape[1]), dtype=fresh.dtype)
                if first:
                    grown[:first] = self.vectors[:first]
                self.vectors = grown
            self.vectors[first:first + len(new)] = fresh
            for line, i in enumerate(new, first):
                self.index[keys[i]] = lines[i] = line
        return self.vectors[lines]


class TaggerScores:
    """The tagger's per-token scores of a Doc, computed in the parts of its network that need the
    least: the lexical features once for the whole Doc; the embedding, a function of a token's
    features alone, once per distinct row of them (a document repeats its words: 13% of a
    119k-character text's tokens are distinct), and of those only the rows no earlier document had
    (:class:`EmbeddedRows`); the window layers and the output on windows of ``TAGGER_WINDOW_TOKENS``
    tokens, each read with the neighbours its windows see. Every row is computed from the same inputs
    as over the whole Doc, so the scores are the same, to the bit."""

    def __init__(self, model: Model, window: int = TAGGER_WINDOW_TOKENS):
        tok2vec, output = model.layers  # spacy.Tagger.v2: chain(tok2vec, with_array(softmax))
        embed, encode = tok2vec.layers  # spacy.Tok2Vec.v2: chain(embed, encode)
        self.features, *embedding = embed.layers  # kg.NameEmbed.v1: the lexical features first
        if self.features.name != "kg_lexical_features":
            raise ValueError(f"the tagger's embedding does not open with its lexical features: {embed.name}")
        self.embedding = EmbeddedRows(chain(*embedding))
        self.network = chain(encode, output)
        self.context = sum(layer.attrs["window_size"] for layer in model.walk() if layer.name == "expand_window")
        self.window = window

    def __call__(self, doc) -> numpy.ndarray:
        rows, of_token = unique_rows(self.features.predict([doc])[0])
        vectors = self.embedding(rows)[of_token.reshape(-1)]
        scores = []
        for start in range(0, len(vectors), self.window):
            end = min(start + self.window, len(vectors))
            low, high = max(0, start - self.context), min(len(vectors), end + self.context)
            scores.append(self.network.predict([vectors[low:high]])[0][start - low:end - low])
        return numpy.concatenate(scores)


class ModelProposals:
    """Adds the tagger's confident names that no rule candidate contradicts."""

    def __init__(self, model, labels: Sequence[str], types: Iterable[str], min_confidence: float):
        self.scores = TaggerScores(model)
        self.labels = list(labels)
        self.types = frozenset(types)
        self.min_confidence = min_confidence
        sector_heads()  # built at load time, not inside the first document's timing
        _dictionary()

    def propose(self, doc, text: str, rules: list[Candidate]) -> list[Candidate]:
        """Candidates for the tagger's names that pass the shape, frame and precedence checks."""
        if len(doc) == 0:
            return []
        scores = self.scores(doc)
        context = _RuleContext(rules)
        spans = _token_spans(doc)
        out = []
        for first, last, label, confidence in decode(scores, self.labels):
            etype = TYPES.get(label)
            if etype in self.types and confidence >= self.min_confidence:
                cand = _proposal(spans, text, first, last, etype, context)
                if cand is not None:
                    cand.confidence = round(0.4 + 0.4 * confidence, 2)
                    out.append(cand)
        _name_short_forms(out, rules)
        return out


class _Sectors(dict):
    """The rules' sectors: start → end, with the set of their ends for the look behind."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        super().__init__(spans)
        self.ends = frozenset(self.values())


class _RuleContext:
    """The rules' candidates by the characters they cover, and their sectors by start offset."""

    def __init__(self, rules: list[Candidate]):
        self.overlapping = Overlaps(rules).overlapping
        self.sectors = _Sectors((c.start, c.end) for c in rules if c.type == "Industry")


def _token_spans(doc) -> list[tuple[int, int]]:
    """The Doc's tokens as (start, end) offsets: the pipeline's tokenizer records them
    (``kg_tokens``), which spares a spaCy Token object per token looked at."""
    index = doc.user_data.get("kg_tokens")
    return index.spans if index is not None else [(t.idx, t.idx + len(t.text)) for t in doc]


def _proposal(spans: Sequence[tuple[int, int]], text: str, first: int, last: int, etype: str,
              context: _RuleContext) -> Candidate | None:
    """The candidate for tokens ``first:last`` (by their offsets ``spans``) tagged ``etype``, or None
    when a check fails."""
    start, end = _trim(text, spans[first][0], spans[last - 1][1])
    if etype == "Industry":  # the sector's name, without the marker: 低空旅游|产业
        end -= len(next((m for m in _INDUSTRY_MARKERS if text[start:end].endswith(m) and end - start > len(m) + 1), ""))
        start, end = trim_sector_edges(text, start, end)
    if end - start < 2:
        return None
    words = [text[s:e] for s, e in spans[first:last] if start <= s < end and not text[s:e].isspace()]
    glued = glued_function_chars(words[0]) if etype == "Enterprise" and words else 0
    if 0 < glued < len(words[0]):  # 与阳|煤集团: the firm starts after the conjunction jieba glued to it
        start += glued
        words[0] = words[0][glued:]
    name = text[start:end]
    if etype == "Industry" and not (_sector_shaped(name, words) and _sector_framed(text, start, end, context.sectors)):
        return None
    if etype == "Industry" and lists_stages_or_modes(text, end):
        return None  # 工艺加工、封装测试…等为一体, 规划咨询等形式: steps of a chain or means, not sectors
    if etype == "Enterprise" and not _firm_shaped(name, words, text[max(0, start - 3):start]):
        return None
    if not _may_cover(text, etype, start, end, context.overlapping(start, end)):
        return None
    return Candidate(start, end, etype, "".join(name.split()), source="model",
                     context=etype == "Industry" and _framed_as_sector(text, start, end, context.sectors))


def _name_short_forms(proposals: list[Candidate], rules: list[Candidate]) -> None:
    """A firm's short form (翔云航空) takes the registered name it abbreviates in this text
    (株洲翔云航空科技有限公司), so both mentions make one entity."""
    registered = [c.name for c in (*rules, *proposals) if c.type == "Enterprise" and c.name.endswith(("公司", "集团"))]
    for cand in proposals:
        if cand.type == "Enterprise" and not cand.name.endswith(("公司", "集团")):
            full = next((name for name in registered if cand.name in name and len(name) > len(cand.name)), None)
            if full is not None:
                cand.name = full


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _NAME_EDGE:
        start += 1
    while end > start and text[end - 1] in _NAME_EDGE:
        end -= 1
    return start, end


#: What adds nothing to a known sector's name (智慧养老服务 is 智慧养老).
_GENERIC_TAILS = frozenset(("服务业", "产品", "技术", "应用", "行业", "产业", "领域", "相关"))


def _generic_extension(known: str, name: str) -> bool:
    """智慧养老服务 is 智慧养老: a generic tail, or 服务 after a compound sector name, adds nothing
    (but 算力 + 服务 names the service sector of a resource)."""
    rest = name.replace(known, "", 1)
    return rest in _GENERIC_TAILS or rest == "服务" and len(known) >= 4


def _may_cover(text: str, etype: str, start: int, end: int, overlapped: Iterable[Candidate]) -> bool:
    """The rules keep precedence; a firm name may contain a leading place or extend a suffix
    name's left edge (both found by the rules without knowing where the name begins), and a
    sector name may qualify a known sector inside it."""
    for cand in overlapped:
        if not (start <= cand.start and cand.end <= end) or (cand.start, cand.end) == (start, end):
            return False  # crossing a rule's name, or the rules' own name: the rules' reading wins
        if etype == "Industry" and cand.type == "Industry" and cand.length < end - start \
                and not _generic_extension(text[cand.start:cand.end], text[start:end]):
            continue  # a longer sector around a known one: 航空 → 航空材料, 储能 → 先进储能
        if etype != "Enterprise":
            return False
        if cand.type == "Region" and cand.start == start and cand.end < end:
            continue  # 宁德|时代, 株洲|云翎新材料有限公司
        if cand.source.startswith("suffix:") and cand.end == end and cand.type == "Enterprise":
            continue  # the suffix rule stopped too early on the left
        if cand.type == "Industry" and cand.end < end:
            continue  # the industry word of a firm's name: 株洲云翎|新材料|有限公司
        return False
    return True


def _sector_shaped(name: str, words: Sequence[str]) -> bool:
    """A new sector ends like the taxonomy's sectors end (航空|材料, 低空|旅游, 彝|医药) and is a
    compound of two or three words; a single ordinary word (医疗, 市场) is the taxonomy's
    business or no sector, a longer phrase a description (中试平台高效服务)."""
    if not plausible_sector(name) or name in GENERIC_INDUSTRY_WORDS or not 2 <= len(words) <= 3:
        return False
    return words[-1] in sector_heads() and not is_function_word(words[0]) and words[0] not in _CLAUSE_VERBS \
        and word_tag(words[0]) not in ("v", "vn") and not any(word_tag(w) in _GRAMMATICAL_TAGS for w in words)


#: Verbs that open a clause and that jieba's dictionary tags as nouns (利用, 融合 …).
_CLAUSE_VERBS = frozenset("利用 融合 推动 促进 带动 提升 打造 培育 建设 开展 实现 支持 鼓励 引导 深化 优化 强化 完善 "
                          "加快 发展 拓展 布局 赋能 助力 高效 优质".split())


#: jieba tags of words that never sit inside a sector's name: prepositions, conjunctions,
#: particles, pronouns, adverbs (服务, 运营 are verbs by the dictionary and fine inside one).
_GRAMMATICAL_TAGS = frozenset("p c u uj ul uz ug uv ud r d".split())


@lru_cache(maxsize=1)
def sector_heads() -> frozenset[str]:
    """The last jieba word of the reference taxonomy's sector names (装备, 材料, 旅游 …), less
    words that end sector names but also every aspect of one (发展, 市场, 平台)."""
    from kg.reference import load_reference
    from kg.segmenter import cut_without_hmm

    heads = set()
    for entry in load_reference().entries("Industry"):
        for form in (entry.name, *entry.aliases):
            words = [w for w in cut_without_hmm(form) if w.strip()]
            if len(words) >= 2 and len(words[-1]) >= 2:
                heads.add(words[-1])
    return frozenset(heads - _NOT_SECTOR_HEADS)


#: Words that end sector names now and then but far more often an aspect or a means of one.
_NOT_SECTOR_HEADS = frozenset("""产业 行业 经济 标准 技术 平台 系统 机构 企业 部门 能力 水平 环境 市场 理念 内容 
    模式 机制 体系 政策 资源 人才 需求 要素 生态 场景 方面 领域 问题 互动 利用 发展 建设 管理 创新 空间 活动 处理 
    开发 投资 生产 研发 应用 交易 事业 现实 基金 数据 接口 模型 一体化 产业化 基础设施 公用 同源 孪生 宇宙 
    信息 智能 科技 工业 商业 文化 健康 休闲 代理 中介 测试 回收 封存 熟化 应急""".split())


#: A sector is framed as one when its clause goes on to a sector word, directly or at the end
#: of the list it stands in (航空零部件、航空材料、低空运营服务等领域; 低空旅游、飞行培训等业务).
_SECTOR_FRAME = re.compile(r"(?:[、和及与][^，。；：、,;:\n]{1,12}?)*等?[^，。；：、,;:\n]{0,3}?"
                           r"(?:产业|行业|领域|赛道|集群|企业|业务|方向|龙头)")
_LIST_JOINER = re.compile(r"\s*(?:、|和|及|以及|与)\s*")
#: A verb of developing in the clause before a name (推动|航空材料、…).
_DEVELOPED = re.compile("|".join(SECTOR_VERBS))
#: Marks that open a clause.
_CLAUSE_MARKS = "，。；：！？\n"


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` begins."""
    return max(text.rfind(mark, 0, pos) for mark in _CLAUSE_MARKS) + 1


#: After the frame's sector word, the rest of a zone's type (资源加工产业|合作区, …产业|园): the name is
#: that zone's kind, which the learned sector decision weighs.
_ZONE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:园|区|基地)")
#: The close of that frame (after the list the name may stand in) when it names a sector (功率器件|产业链企业),
#: not a field of use or work or a kind of firm (…、食物检测|等领域, 委内加工|业务, 工程服务|企业).
_SECTOR_CLOSE = re.compile(r"等?[^，。；：、,;:\n]{0,3}?(?:产业|行业|赛道|集群|龙头)[^，。；：、,;:\n]{0,3}$")


def _sector_framed(text: str, start: int, end: int, sectors: "_Sectors") -> bool:
    """Framed by its clause (see _SECTOR_FRAME), or listed beside a sector the rules know."""
    return bool(_SECTOR_FRAME.match(text, end)) or _beside_sector(text, start, end, sectors)


def _beside_sector(text: str, start: int, end: int, sectors: "_Sectors") -> bool:
    """Listed right beside a sector the rules know (航空材料、低空运营服务)."""
    joiner = _LIST_JOINER.match(text, end)
    if joiner and joiner.end() in sectors:
        return True
    return any(e in sectors.ends and _LIST_JOINER.fullmatch(text, e, start) for e in range(max(0, start - 4), start))


def _framed_as_sector(text: str, start: int, end: int, sectors: "_Sectors") -> bool:
    """Whether what let a tagged name be proposed names it a sector: a sector beside it, or a frame
    that closes with a sector word; a frame that only names a field or a kind of firm leaves it to
    the learned sector decision."""
    frame = _SECTOR_FRAME.match(text, end)
    if frame is None or _beside_sector(text, start, end, sectors):
        return True
    if frame.group().endswith("领域") and _DEVELOPED.search(text, _clause_start(text, start), start):
        return True  # 推动航空材料、低空运营服务等领域协同发展: fields a place develops, not fields of use
    # through 的 the sector word is another noun's (标准引导、平台服务的钢铁行业), not the name's
    return (_SECTOR_CLOSE.search(frame.group()) is not None and "的" not in frame.group()
            and not _ZONE_AFTER.match(text, frame.end()))


def _firm_shaped(name: str, words: Sequence[str], before: str) -> bool:
    """A firm's name ends in a legal form or a firm word (…科技, …药业), has a distinctive part
    before it, no verb or function word inside, and is not a quoted slogan (“招人难”)."""
    if not (2 <= len(name) <= 30) or name in GENERIC_NAME_WORDS or name[:1].isdigit():
        return False
    if name.endswith(("企业", "部门", "机构", "单位", "型", "化", "性")) or any(
            w in NAME_BOUNDARY_WORDS or word_tag(w) in _GRAMMATICAL_TAGS for w in {words[0], words[-1]}):
        return False  # (by tag alone a place or trade name may read as a verb: 遵义, 黔|能)
    if before.endswith(("“", "\"", "‘")) and not before.endswith(("简称“", "简称\"")):
        return False
    if len(words[0]) == 2 and word_tag(words[0][0]) == "v" and words[0][1] in _VERB_RESULTS:
        return False  # 抓实|能源科技创新9条路径: a task's verb and its result, which no firm's name opens with
    if "+" in name or "及" in name[1:-1] or any(word_tag(w) == "c" or w == "是" for w in words[1:-1]) \
            or len(words[0]) >= 2 and words[0].endswith("是"):
        return False  # 锂电芯及储能 (jieba: 芯及), 互联网+医保+医疗: things joined; 四是|科技: a clause's copula
    if name.endswith(ENTERPRISE_SUFFIXES):
        return len(name) >= 4
    # a firm word after dictionary nouns alone names a kind of thing (电池动力, 氧化锆材料), not a firm,
    # and so after a verb, an adjective or a rank the dictionary knows (创新|动力, 第一|动力)
    return len(name) >= 4 and len(words) >= 2 and words[-1] in _FIRM_WORDS and (
        words[-1] in _HOLDING_WORDS or not all(word_tag(w) == "n" or len(w) >= 2 and word_tag(w) in _COMMON_TAGS
                                               for w in words))


#: jieba tags of the common words (verbs, adjectives, adverbs, numerals) a kind of thing is named by.
_COMMON_TAGS = frozenset({"v", "vn", "a", "ad", "an", "d", "m"})


#: The result a one-character verb of a task takes (抓实, 做强, 筑牢, 压实): no firm's name opens with the two.
_VERB_RESULTS = frozenset("实好强优牢稳细严紧")
#: Firm words that say the name is a firm's whatever stands before them (煤气化集团, 天科股份).
_HOLDING_WORDS = frozenset(("集团", "股份", "控股"))
#: Words a firm's short name often ends in (the industry word of its registered name).
_FIRM_WORDS = frozenset(("科技", "技术", "智能", "电子", "微电子", "半导体", "光电", "新材料", "材料", "新能源",
                         "能源", "储能", "电池", "电气", "动力", "汽车", "机械", "重工", "精密", "装备", "机器人",
                         "航空", "航天", "生物", "医药", "药业", "制药", "医疗", "食品", "农业", "物流", "化工",
                         "环保", "软件", "通信", "光伏", "股份", "控股", "数科", "智造", "集团"))
