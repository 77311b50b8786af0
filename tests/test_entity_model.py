"""The learned entity decision (kg.extract.entity_model, kg.train.entities) on made-up text (no ../shared needed)."""
from __future__ import annotations

from kg.extract.candidates import Candidate
from kg.extract.entity_model import (
    EDGE_DECISION, EDGE_DROP, ENTITY_MODEL_FILE, EntityModel, load_entity_model, propose, recognise_item_firms,
)
from kg.train.entities import EntitySettings, fit_entity_model
from kg.train.relations import LabelledPair

TEXT = "由临港地区管委会牵头，奉贤区和临港地区管委会共建明湖国际信息技术产业园。美的集团、海尔智家等企业入驻。"


def _rules() -> list[Candidate]:
    def at(name: str, etype: str, nth: int = 0) -> Candidate:
        start = -1
        for _ in range(nth + 1):
            start = TEXT.index(name, start + 1)
        return Candidate(start, start + len(name), etype, name, source="gazetteer:name")
    return [at("奉贤区", "Region"), at("美的集团", "Enterprise")]


def _names(etype: str) -> set[str]:
    return {p.name for p in propose(TEXT, _rules()) if p.type == etype}


def test_heads_propose_every_left_edge_that_begins_as_a_name():
    bodies = _names("Organization")
    assert {"临港地区管委会", "港地区管委会"} <= bodies
    assert "地区管委会" not in bodies  # a category word (地区) is no proper name
    assert "由临港地区管委会" not in bodies  # a preposition opens no name
    assert "奉贤区和临港地区管委会" not in bodies  # two names joined, the first one the rules know
    assert "明湖国际信息技术产业园" in _names("Region")


def test_parks_abroad_incubators_and_starting_areas_are_proposed_by_their_heads():
    text = "建成留学人员创业园，入驻波兰（罗兹）中欧国际物流产业合作园，推进青岛新旧动能转换起步区建设。"
    zones = {p.name for p in propose(text, []) if p.type == "Region"}
    assert {"留学人员创业园", "中欧国际物流产业合作园", "青岛新旧动能转换起步区"} <= zones


def test_a_zones_own_name_is_told_from_a_kind_of_zone_by_its_words():
    text = "依托齐鲁软件园、西哈努克港经济特区，完善边境经济合作区布局，建设战略性新兴产业示范区。"
    features = {p.name: set(p.features) for p in propose(text, []) if p.type == "Region"}
    assert "stemproper:True" in features["齐鲁软件园"]  # a place name the dictionary knows
    assert "stemproper:True" in features["西哈努克港经济特区"]  # a transliterated name
    assert "stemproper:False" in features["边境经济合作区"]  # common words: a kind of zone
    assert "stemproper:False" in features["战略性新兴产业示范区"]


def test_the_speakers_own_place_opens_no_name():
    text = "我国境外经贸合作园区超过百家，我市软件园入驻企业300家，我省科学技术协会召开年会。"
    proposed = {p.name for p in propose(text, []) if p.type in ("Organization", "Region")}
    assert not any(name.startswith("我") for name in proposed)  # 我国/我市/我省 + a kind is no name
    assert "市软件园" in proposed  # (the city's own park, by its short form, still is)


def test_a_count_of_places_opens_no_body_or_zone_name():
    text = "肇庆、江门两市政府签署协议，共建江门两市合作产业园，市政府办公室牵头。"
    rules = [Candidate(0, 2, "Region", "肇庆市", source="gazetteer:alias"),
             Candidate(3, 5, "Region", "江门市", source="gazetteer:alias")]
    proposed = {p.name for p in propose(text, rules) if p.type in ("Organization", "Region")}
    assert not any("两市" in name for name in proposed)  # two cities' governments, no one body's name
    assert "市政府办公室" in proposed  # (a body's own head is still proposed)


def test_the_members_of_a_list_with_a_known_firm_are_proposed_as_firms():
    firms = _names("Enterprise")
    assert "海尔智家" in firms
    assert "美的集团" not in firms  # the rules' own name is not proposed again


def test_proposals_describe_their_head_edges_and_the_rules_names_around_them():
    by_name = {p.name: p for p in propose(TEXT, _rules())}
    park = by_name["明湖国际信息技术产业园"].features
    assert "head:产业园" in park and "gen:head" in park and "prev:建" in park and "next:。" in park
    assert "gen:list" in by_name["海尔智家"].features


def _model(threshold: float) -> EntityModel:
    weights = {"Organization": {"bias": -2.0, "first:临": 4.0}, "Region": {"bias": -3.0}}
    return EntityModel(weights, {"Organization": threshold, "Region": threshold})


def test_the_model_adds_the_most_probable_edge_of_each_head_above_its_threshold():
    added, dropped = _model(0.5).decide(TEXT, _rules())
    assert [(c.name, c.type) for c in added] == [("临港地区管委会", "Organization"), ("临港地区管委会", "Organization")]
    assert all(c.source == "suffix:learned" and 0.5 < c.confidence <= 0.9 for c in added)
    assert dropped == set()  # no edge decision in this model: the rules' firms stand
    assert _model(0.99).decide(TEXT, _rules()) == ([], set())


SUBJECTS = "国机精工表示，公司已形成覆盖单晶金刚石的产品。惠丰钻石上涨接近70%，宏远集团副总经理覃剑宇建议加大投入。"


def test_what_only_a_firm_does_proposes_the_span_before_it_as_a_firm():
    proposals = [p for p in propose(SUBJECTS, []) if p.type == "Enterprise"]
    subjects = {p.name: p for p in proposals if "gen:subject" in p.features}
    assert {"国机精工", "机精工", "惠丰钻石", "宏远集团"} <= set(subjects)
    assert "国机精工表示" not in subjects and "公司已形成" not in subjects  # the span ends at the predicate
    assert "pred:表示" in subjects["国机精工"].features and "clause:True" in subjects["国机精工"].features
    assert "clause:False" in subjects["机精工"].features
    assert any(f.startswith("wtag:") for f in subjects["惠丰钻石"].features)  # jieba's view of the word


def test_a_person_saying_something_is_no_firms_subject():
    text = ("金石资产基金经理王峰表示，铜散热已到瓶颈。力量钻石董事长邵增明介绍，邵增明表示将扩产，同时邵增明表示看好。"
            "四方达表示看好。")
    subjects = {p.name for p in propose(text, []) if "gen:subject" in p.features}
    assert {"力量钻石", "四方达"} <= subjects
    assert not {"王峰", "邵增明", "同时邵增明"} & subjects  # after a post, or named so before: a person


def test_a_firm_is_its_predicates_subject_past_two_adverbs():
    subjects = {p.name for p in propose("中兵红箭也公开表示，公司主要开发金刚石散热片。", []) if "gen:subject" in p.features}
    assert "中兵红箭" in subjects and not any(name.endswith(("也", "公开")) for name in subjects)


def test_a_firm_developing_something_is_its_predicates_subject():
    subjects = {p.name for p in propose("星海电子不断研发快充技术，产品远销海外。", []) if "gen:subject" in p.features}
    assert "星海电子" in subjects and "星海电子不断" not in subjects  # past the adverb


def test_a_numbered_items_subject_opens_right_after_its_mark():
    text = "其他跨界：2）天禾电气是储能产业龙头；（三）星辉智能布局工业机器人等。"
    subjects = {p.name: p.features for p in propose(text, []) if "gen:subject" in p.features}
    assert "clause:True" in subjects["天禾电气"] and "clause:True" in subjects["星辉智能"]
    assert not any(name[0] in "）)" or name[0].isdigit() or "）" in name for name in subjects)  # the mark is no name's


def test_a_rank_predicate_is_one_feature_whatever_rank_it_names():
    text = "2）天禾电气是储能产业龙头；3）星海电子是音响龙头。"
    subjects = {p.name: p.features for p in propose(text, []) if "gen:subject" in p.features}
    assert "pred:是龙头" in subjects["天禾电气"] and "pred:是龙头" in subjects["星海电子"]
    assert not any(f.startswith("pred:是") and f != "pred:是龙头" for features in subjects.values() for f in features)


EDGED = "芯片生产则主要包括仅三安光电等。2012年又进一步任命其为美的集团董事长。"


def _edged_rules() -> list[Candidate]:
    tagged, walked = EDGED.index("仅三安光电"), EDGED.index("任命其为美的集团")
    return [Candidate(tagged, tagged + 5, "Enterprise", "仅三安光电", source="model"),
            Candidate(walked, walked + 8, "Enterprise", "任命其为美的集团", source="suffix:集团")]


def test_the_taggers_and_the_suffix_walks_firms_are_proposed_again_with_moved_edges():
    edges = [p for p in propose(EDGED, _edged_rules()) if p.decision == EDGE_DECISION]
    by_name = {p.name: p for p in edges}
    assert {"仅三安光电", "三安光电", "三安光", "任命其为美的集团", "美的集团", "为美的集团"} <= set(by_name)
    assert "安光电等" not in by_name  # the tagger's right edge only moves inwards
    assert not any(p.name.endswith("董事") for p in edges)  # the suffix walk's right edge is its suffix
    assert by_name["三安光电"].replaces == by_name["仅三安光电"].replaces == (EDGED.index("仅三安光电"), EDGED.index("等"))
    assert "left:-1" in by_name["三安光电"].features and "src:tagger" in by_name["三安光电"].features


def test_the_edge_decision_re_edges_a_firm_or_drops_it():
    rules = _edged_rules()
    first = {"bias": -3.0, "first:三": 4.0, "stemlast2:光电": 2.0, "first:美": 5.0}
    added, dropped = EntityModel({EDGE_DECISION: first}, {EDGE_DECISION: 0.5}).decide(EDGED, rules)
    assert {c.name for c in added} == {"三安光电", "美的集团"}
    assert dropped == {(r.start, r.end) for r in rules}
    keep_walked = {"bias": -3.0, "first:三": 4.0, "stemlast2:光电": 2.0, "first:任": 6.0}
    added, dropped = EntityModel({EDGE_DECISION: keep_walked}, {EDGE_DECISION: 0.5}).decide(EDGED, rules)
    assert {c.name for c in added} == {"三安光电"}  # the walk's own edges stand: nothing to add for it
    assert dropped == {(rules[0].start, rules[0].end)}
    unlikely = EntityModel({EDGE_DECISION: {"bias": -3.0}}, {EDGE_DECISION: 0.5, EDGE_DROP: 0.1})
    added, dropped = unlikely.decide(EDGED, rules)
    assert added == [] and dropped == {(rules[0].start, rules[0].end)}  # no edge is even plausible: the
    # tagger's firm goes, the suffix walk's (its legal suffix is evidence) stays
    plausible = EntityModel({EDGE_DECISION: {"bias": -1.0}}, {EDGE_DECISION: 0.5, EDGE_DROP: 0.1})
    assert plausible.decide(EDGED, rules) == ([], set())  # under the bar to move, over the bar to drop


def test_the_edge_decision_drops_no_taggers_firm_a_legal_form_ends():
    text = "晋煤集团与阳煤集团投资组建了漾泉蓝焰煤层气有限责任公司，开展煤层气地面抽采合作。"
    start = text.index("漾泉")
    tagged = [Candidate(start, text.index("，"), "Enterprise", "漾泉蓝焰煤层气有限责任公司", source="model")]
    unlikely = EntityModel({EDGE_DECISION: {"bias": -3.0}}, {EDGE_DECISION: 0.5, EDGE_DROP: 0.1})
    assert unlikely.decide(text, tagged) == ([], set())
    # without its legal form the tagger's name goes, as any other of its names whose every edge is improbable
    short = [Candidate(start, start + 4, "Enterprise", "漾泉蓝焰", source="model")]
    assert unlikely.decide(text, short)[1] == {(start, start + 4)}


def test_fit_is_deterministic_and_keeps_only_the_types_it_may_decide():
    rows = [LabelledPair("Region", ("bias", "head:园" if i % 2 else "head:镇", f"noise:{i % 3}"), i % 2)
            for i in range(40)]
    rows += [LabelledPair("Policy", ("bias",), i % 2) for i in range(40)]
    first, second = fit_entity_model(rows), fit_entity_model(rows)
    assert first.to_json() == second.to_json()
    assert set(first.weights) == {"Region"} and first.thresholds == {"Region": EntitySettings().thresholds["Region"]}
    assert first.weights["Region"]["head:园"] > 0 > first.weights["Region"]["head:镇"]


def test_the_model_round_trips_through_its_file(tmp_path):
    model = _model(0.5)
    model.save(tmp_path)
    assert (tmp_path / ENTITY_MODEL_FILE).is_file()
    loaded = load_entity_model(str(tmp_path))
    assert loaded is not None and loaded.to_json() == model.to_json()
    assert load_entity_model(str(tmp_path / "none")) is None


def test_the_shipped_decision_loads_and_runs_in_extraction():
    from kg.config import NER_MODEL_DIR
    from kg.extract import Extractor
    from tests.extract_fixtures import make_document

    shipped = load_entity_model(str(NER_MODEL_DIR))
    assert shipped is not None and {"Region", "Organization", "Enterprise"} <= set(shipped.weights)
    document = make_document(TEXT)
    with_model = {e.name for e in Extractor(relation_model=False).extract(document).entities}
    without = {e.name for e in Extractor(relation_model=False, entity_model=False).extract(document).entities}
    assert without <= with_model | {"临港地区"}


def test_a_positioning_noun_or_a_manner_is_no_firms_predicate():
    text = ("研发激光雷达、卫星定位、惯性导航等传感器。推进企业智能化转型。星辉家电定位为高端轻奢产品。"
            "北京在医药、信息技术“双引擎”发力下增长。")
    subjects = {p.name for p in propose(text, []) if "gen:subject" in p.features}
    assert "星辉家电" in subjects  # a firm positions its products as …
    assert not any(name.endswith(("卫星", "智能化", "”")) for name in subjects)  # 卫星定位, 智能化转型, “双引擎”


def test_a_qualifier_of_net_profit_is_no_firms_name():
    text = "实现营业收入1699.8亿元，归母净利润125.3亿元。星海电子归母净利润增长。"
    subjects = {p.name for p in propose(text, []) if "gen:subject" in p.features}
    assert "星海电子" in subjects and not any(name.endswith("归母") for name in subjects)


def test_a_clauses_grammar_is_proposed_as_no_firm():
    text = "当前，随着深圳正式宣布GDP突破3万亿元。天山股份首次披露年度报告。多方发力化解交易难题。"
    firms = {p.name for p in propose(text, []) if p.type == "Enterprise"}
    assert "天山股份" in firms
    assert not {"随着深圳", "首次", "多方"} & firms  # a preposition opens it, or a numeral or adverb alone


def test_a_dash_opening_a_goal_opens_no_name():
    text = "——绿色转型成效明显。——星海电子转型升级。"
    firms = {p.name for p in propose(text, []) if p.type == "Enterprise"}
    assert "星海电子" in firms and not any(name.startswith("—") for name in firms)


def test_a_numbered_items_opening_name_before_a_firms_predicate_is_a_firm():
    text = ("其他特色的跨界：1）吸尘器龙头莱克电气在汽车电机领域早有储备；2）华声电器是音响产业龙头，涉足VR产业声音元器件供应；"
            "3）奥维达布局工业机器人等。4）海立股份收购马瑞利。")
    known = [Candidate(text.index("海立股份"), text.index("海立股份") + 4, "Enterprise", "海立股份", source="suffix:股份")]
    assert {c.name for c in recognise_item_firms(text, known)} == {"华声电器", "奥维达"}  # 海立股份: the rules' own
    # a plan's numbered headings open with a verb phrase or a common word, no firm
    assert recognise_item_firms("（三）强化无线通信技术研发和产业化。\n三、产业布局\n（二）前瞻布局未来产业。", []) == []
