"""Lists, subjects and rivals of the relation classifier's pair features, on a made-up document."""
from __future__ import annotations

from kg.extract.pair_context import DocumentStructure
from kg.extract.relation_model import pair_candidates
from kg.model import Entity, Extraction, Mention, Relation
from tests.extract_fixtures import make_document

TEXT = ("宜宾高新区位于四川省宜宾市，重点发展新材料、汽车零部件和食品饮料产业。园区还培育数字经济。\n"
        "湖州、嘉兴、衢州跨境电商综试区获批。")


def _entity(etype: str, name: str, doc) -> Entity:
    mentions, start = [], TEXT.find(name)
    while start >= 0:
        mentions.append(Mention(name, start, start + len(name), doc.sentence_at(start).index))
        start = TEXT.find(name, start + 1)
    return Entity(etype, name, name, iri=f"urn:{etype}:{name}", mentions=mentions)


def _extraction() -> Extraction:
    doc = make_document(TEXT)
    entities = [_entity(t, n, doc) for t, n in (
        ("Region", "宜宾高新区"), ("Region", "四川省"), ("Region", "宜宾市"), ("Industry", "新材料"),
        ("Industry", "汽车零部件"), ("Industry", "食品饮料"), ("Industry", "数字经济"), ("Region", "湖州"),
        ("Region", "嘉兴"), ("Region", "衢州"), ("Industry", "跨境电商"))]
    rule = Relation("urn:Region:湖州", "develops", "urn:Industry:跨境电商", 0.7, 2, "develop_trigger")
    return Extraction(doc, entities, [rule])


def _mentioned(text: str, doc, etype: str, name: str) -> Entity:
    """An entity with a mention at every place ``text`` names it."""
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    return Entity(etype, name, name, iri=f"urn:{etype}:{name}",
                  mentions=[Mention(name, i, i + len(name), doc.sentence_at(i).index) for i in starts])


def _by_name(extraction: Extraction) -> dict[str, Entity]:
    return {e.name: e for e in extraction.entities}


def _firm(text: str, doc, name: str) -> Entity:
    """A firm named once, at its first place in ``text``."""
    start = text.find(name)
    return Entity("Enterprise", name, name, iri=f"urn:firm:{name}",
                  mentions=[Mention(name, start, start + len(name), doc.sentence_at(start).index)])


def test_names_joined_by_list_marks_are_siblings_and_others_are_not():
    structure = DocumentStructure(_extraction())
    assert structure.siblings["urn:Industry:新材料"] == {"urn:Industry:汽车零部件", "urn:Industry:食品饮料"}
    assert structure.siblings["urn:Region:嘉兴"] == {"urn:Region:湖州", "urn:Region:衢州"}
    assert "urn:Region:四川省" not in structure.siblings  # 四川省宜宾市: adjacent, no list mark between
    assert "urn:Industry:数字经济" not in structure.siblings


def test_the_sentence_and_paragraph_subject_is_the_first_name_of_its_type():
    extraction = _extraction()
    structure, names = DocumentStructure(extraction), _by_name(extraction)
    later = names["数字经济"].mentions[0]  # second sentence, no region in it: the previous sentence speaks
    assert structure.sentence_subject(later, "Region") == "urn:Region:宜宾高新区"
    assert structure.paragraph_subject(later, "Region") == "urn:Region:宜宾高新区"
    assert structure.paragraph_subject(names["跨境电商"].mentions[0], "Region") == "urn:Region:湖州"


def test_rivals_count_the_names_of_the_type_nearer_the_anchor():
    extraction = _extraction()
    structure, names = DocumentStructure(extraction), _by_name(extraction)
    sector = names["新材料"].mentions[0]
    regions = frozenset({"Region"})
    assert structure.rank_among_rivals(sector, names["宜宾市"].mentions[0], names["宜宾市"], regions) == 0
    assert structure.rank_among_rivals(sector, names["宜宾高新区"].mentions[0], names["宜宾高新区"], regions) == 2


def test_pair_features_carry_the_structure():
    features = {(c.head.name, c.tail.name): set(c.features) for c in pair_candidates(_extraction(), ["develops"])}
    zone = features[("宜宾高新区", "数字经济")]
    assert {"paragraph_subject", "sentence_subject", "paragraph_subject&h_kind:新区"} <= zone
    assert "h_after_locative" in features[("宜宾市", "新材料")]  # 位于四川省宜宾市: where, not who
    assert "sibling_rule:develops" in features[("嘉兴", "跨境电商")]  # 湖州 is ruled, 嘉兴 is listed with it
    assert "sibling_rule:develops" not in features[("宜宾市", "新材料")]
    assert "t_listed" in features[("宜宾高新区", "汽车零部件")] and "h_listed" in features[("湖州", "跨境电商")]
    assert "h_listed" not in features[("宜宾高新区", "汽车零部件")]


def test_a_firm_far_from_the_sector_the_document_is_about_is_proposed_with_it():
    text = ("钢铁行业加快转型。钢铁企业推进超低排放改造。钢铁产品结构持续优化。今年市场回暖。"
            "各地加大投资力度。华兴集团完成了三条产线的升级改造。")
    doc = make_document(text)

    firm, sector = _mentioned(text, doc, "Enterprise", "华兴集团"), _mentioned(text, doc, "Industry", "钢铁")
    assert firm.mentions[0].sentence - sector.mentions[-1].sentence > 2  # beyond the reach of other pairs
    pairs = {(c.head.name, c.tail.name): set(c.features) for c in pair_candidates(Extraction(doc, [firm, sector], []))}
    assert {"t_topic", "t_topic&h_single"} <= pairs[("华兴集团", "钢铁")]


def test_the_places_a_sentence_relies_on_are_marked_and_the_place_acting_is_not():
    text = "依托合肥、芜湖等地的产业基础，安徽省加快发展新能源汽车。"
    doc = make_document(text)
    entities = [_mentioned(text, doc, etype, name) for etype, name in (
        ("Region", "合肥"), ("Region", "芜湖"), ("Region", "安徽省"), ("Industry", "新能源汽车"))]
    features = {c.head.name: set(c.features) for c in pair_candidates(Extraction(doc, entities, []), ["develops"])}
    assert "h_relied_on" in features["合肥"] and "h_relied_on" in features["芜湖"]  # the whole list after 依托
    assert "h_relied_on" not in features["安徽省"]


def test_a_work_reports_place_is_described_by_how_far_and_alone_its_sectors_stand():
    text = ("各位代表：\n过去一年，韶关市经济平稳增长，韶关市工业稳步回升。与广州市签署合作协议。"
            "城乡市场繁荣。服务业持续较快发展。广州市物流业加快发展。")
    doc = make_document(text)

    entities = [_mentioned(text, doc, etype, name) for etype, name in (
        ("Region", "韶关市"), ("Region", "广州市"), ("Industry", "服务业"), ("Industry", "物流"))]
    pairs = {(c.head.name, c.tail.name): set(c.features)
             for c in pair_candidates(Extraction(doc, entities, []), ["develops"])}
    alone = pairs[("韶关市", "服务业")]
    assert {"report_place", "report_place&h_main:True", "report_place&t_other_place:False",
            "report_place&sdist:8"} <= alone
    assert "report_place&t_other_place:True" in pairs[("韶关市", "物流")]  # its sentence names another place


def test_a_tails_cues_read_once_serve_every_head_and_the_heads_own_cues_stay_its_own():
    # 绿色石化 is the tail of two places' pairs: the trigger before it and its sentence's 全市 are read
    # once for both, while only the main place (named first) takes the anaphor as its own
    text = "宁波市和舟山市签署合作协议。全市重点发展绿色石化。"
    doc = make_document(text)
    entities = [_mentioned(text, doc, etype, name) for etype, name in (
        ("Region", "宁波市"), ("Region", "舟山市"), ("Industry", "绿色石化"))]
    features = {c.head.name: set(c.features) for c in pair_candidates(Extraction(doc, entities, []), ["develops"])}
    assert "t_trig_before:develop" in features["宁波市"] and "t_trig_before:develop" in features["舟山市"]
    assert "anaphor&h_main" in features["宁波市"]
    assert "anaphor&h_main" not in features["舟山市"]


def test_a_pair_shared_through_a_list_is_shared_again_with_the_lists_its_head_stands_in():
    from kg.extract.relation_model import PairCandidate, _shared_by_siblings

    text = ("目前我国已有中联公司、中国石化、中国石油及各地煤炭大型企业参与煤层气开发。"
            "相关个股如天科股份、中国石油等的早早异动并非无本之木。")
    doc = make_document(text)

    sector = Entity("Industry", "煤层气", "煤层气", iri="urn:sector:煤层气")
    firms = {name: _firm(text, doc, name) for name in ("中联公司", "中国石化", "中国石油", "天科股份")}
    siblings = {"urn:firm:中联公司": {"urn:firm:中国石化", "urn:firm:中国石油"},
                "urn:firm:中国石化": {"urn:firm:中联公司", "urn:firm:中国石油"},
                "urn:firm:中国石油": {"urn:firm:中联公司", "urn:firm:中国石化", "urn:firm:天科股份"},
                "urn:firm:天科股份": {"urn:firm:中国石油"}}
    decided = [Relation("urn:firm:天科股份", "operates_in", "urn:sector:煤层气", 0.8, 1, "relation_model")]
    below = [(p, PairCandidate(firms[name], "operates_in", sector, 0)) for p, name in ((0.15, "中联公司"), (0.2, "中国石油"))]
    shared = {r.head for r in _shared_by_siblings(siblings, decided, below)}
    # 中国石油 by its list with 天科股份, then 中联公司 by its list with 中国石油
    assert shared == {"urn:firm:中国石油", "urn:firm:中联公司"}
    assert not _shared_by_siblings(siblings, [], below)  # nothing decided for any list: nothing shared


def test_a_trade_a_rule_read_from_one_list_is_not_shared_with_another_list_of_its_member():
    from kg.extract.relation_model import PairCandidate, _shared_by_siblings

    text = "化学药物领域重点专利权人包括辉瑞、罗氏，免疫诊断试剂领域重点专利权人包括罗氏、诺华、雅培。"
    doc = make_document(text)
    sector = Entity("Industry", "化学药物", "化学药物", iri="urn:sector:化学药物")
    firms = {name: _firm(text, doc, name) for name in ("辉瑞", "罗氏", "诺华", "雅培")}
    siblings = {"urn:firm:辉瑞": {"urn:firm:罗氏"},
                "urn:firm:罗氏": {"urn:firm:辉瑞", "urn:firm:诺华", "urn:firm:雅培"},
                "urn:firm:诺华": {"urn:firm:罗氏", "urn:firm:雅培"}, "urn:firm:雅培": {"urn:firm:罗氏", "urn:firm:诺华"}}
    below = [(0.37, PairCandidate(firms[name], "operates_in", sector, 0)) for name in ("诺华", "雅培")]
    by_list = [Relation(f"urn:firm:{name}", "operates_in", "urn:sector:化学药物", 0.6, 0, "sector_firm_class")
               for name in ("辉瑞", "罗氏")]
    assert not _shared_by_siblings(siblings, by_list, below)
    # the same trade decided otherwise for 罗氏 (the text says nothing of which list) is still shared
    by_model = [Relation("urn:firm:罗氏", "operates_in", "urn:sector:化学药物", 0.8, 0, "relation_model")]
    assert {r.head for r in _shared_by_siblings(siblings, by_model, below)} == {"urn:firm:诺华", "urn:firm:雅培"}


def test_a_trade_a_rule_read_from_one_list_is_no_sibling_rule_for_the_members_of_another():
    """The classifier's ``sibling_rule`` feature follows the same reading as the sharing above: 诺华 is
    listed with 罗氏, whose 化学药物 a list-reading rule read from the other list of the sentence."""
    text = "化学药物领域重点专利权人包括辉瑞、罗氏，免疫诊断试剂领域重点专利权人包括罗氏、诺华、雅培。"
    doc = make_document(text)
    entities = [_mentioned(text, doc, "Enterprise", name) for name in ("辉瑞", "罗氏", "诺华", "雅培")]
    entities += [_mentioned(text, doc, "Industry", "化学药物")]

    def features(method: str) -> dict[str, set[str]]:
        rules = [Relation(f"urn:Enterprise:{name}", "operates_in", "urn:Industry:化学药物", 0.6, 0, method)
                 for name in ("辉瑞", "罗氏")]
        return {c.head.name: set(c.features)
                for c in pair_candidates(Extraction(doc, entities, rules), ["operates_in"])}

    assert "sibling_rule:operates_in" not in features("sector_firm_class")["诺华"]
    assert "sibling_rule:operates_in" in features("operate_trigger")["诺华"]  # a rule that read no list
