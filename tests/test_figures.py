"""Quantitative targets and reported figures (issue 16), on made-up sentences, the made-up notice
of tests/data/policy-facts/ and the made-up work report of tests/data/work-reports/: comparator,
value and unit, year, kind, subject, policy."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.extract_fixtures import extract, extractor, printed  # noqa: F401 (fixture)

NOTICE = Path(__file__).resolve().parent / "data" / "policy-facts" / "jiangsu-digital-economy-notice.txt"
PLAN_TITLE = "江苏省数字经济发展行动计划（2024—2026年）"
WORK_REPORT = NOTICE.parents[1] / "work-reports" / "shaoxing-work-report.txt"


def figures(extractor, text: str) -> list[dict]:
    return extract(extractor, text)["targets"]


def only(extractor, text: str) -> dict:
    found = figures(extractor, text)
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def notice(extractor):
    from kg.ingest import read_document

    return printed(extractor.extract(read_document(NOTICE)))


def test_the_issues_example_is_a_target_of_the_industry(extractor):
    figure = only(extractor, "到2023年，智能传感器主营业务收入达到300亿元。")
    assert {k: figure[k] for k in ("comparator", "value", "unit", "year", "kind", "subject_type")} == {
        "comparator": "=", "value": 300, "unit": "亿元", "year": 2023, "kind": "target", "subject_type": "Industry"}
    assert "传感器" in figure["subject"] and figure["indicator"] == "智能传感器主营业务收入"
    assert figure["evidence"] == "到2023年，智能传感器主营业务收入达到300亿元。"


@pytest.mark.parametrize("clause, comparator, value, unit", [
    ("全省规上企业数量达到400家", "=", 400, "家"),
    ("全省规上企业数量400家以上", "≥", 400, "家"),
    ("全省规上企业数量超过400家", "≥", 400, "家"),
    ("全省规上企业数量突破400家", "≥", 400, "家"),
    ("全省规上企业数量不低于40%", "≥", 40, "%"),
    ("全省规上企业数量不少于4万家", "≥", 4, "万家"),
    ("全省规上企业数量控制在400家以内", "≤", 400, "家"),
    ("全省规上企业数量不超过400家", "≤", 400, "家"),
    ("全省规上企业数量400家左右", "≈", 400, "家"),
    ("全省规上企业数量约400家", "≈", 400, "家"),
    ("全省规上企业数量达到400余家", "≥", 400, "家"),
    ("全省规上企业占比达到12.5％", "=", 12.5, "%"),
])
def test_comparator_value_and_unit(extractor, clause, comparator, value, unit):
    figure = only(extractor, f"江苏省人民政府提出，到2025年，{clause}。")
    assert (figure["comparator"], figure["value"], figure["unit"], figure["year"]) == (comparator, value, unit, 2025)


def test_a_bare_year_reports_a_figure_reached(extractor):
    figure = only(extractor, "2020年，江苏省数字经济核心产业增加值占地区生产总值比重达到10.5%。")
    assert (figure["kind"], figure["year"], figure["value"], figure["unit"]) == ("reported", 2020, 10.5, "%")


def test_figures_without_a_year_allowances_qualifiers_and_ranges_are_left_out(extractor):
    assert figures(extractor, "对新认定的企业给予最高500万元奖励。省级按照项目投资额的10%给予补助。") == []
    assert figures(extractor, "江苏省拥有智能传感器企业70余家。") == []  # no year
    found = figures(extractor, "济南市提出，到2023年，培育5个以上收入过200亿元的软件产业集群，培育3-5家行业平台。")
    assert [(f["value"], f["unit"]) for f in found] == [(5, "个")]
    assert figures(extractor, "济南市提出，到2023年，围绕37条产业链开展数字化改造。") == []


def test_every_figure_in_a_sentence_with_its_own_indicator(extractor):
    found = figures(extractor, "到2023年，安徽省培育3家综合型工业互联网平台，20家行业型平台，100家企业级平台。")
    assert [(f["value"], f["unit"], f["year"], f["subject"]) for f in found] == [
        (3, "家", 2023, "安徽省"), (20, "家", 2023, "安徽省"), (100, "家", 2023, "安徽省")]
    assert [f["indicator"] for f in found] == ["综合型工业互联网平台", "行业型平台", "企业级平台"]


def test_the_notice_figures_with_section_years_and_the_plan_that_states_them(notice):
    rows = [(f["subject"], f["comparator"], f["value"], f["unit"], f["year"], f["kind"]) for f in notice["targets"]]
    assert ("江苏省", "≥", 100, "家", 2026, "target") in rows  # a bullet under 发展目标 inherits 到2026年
    assert ("江苏省", "=", 2, "万家", 2026, "target") in rows
    assert ("江苏省", "≈", 30, "个", 2026, "target") in rows
    assert ("江苏省", "≤", 500, "家", 2026, "target") in rows
    assert ("江苏省", "≥", 10, "万个", 2027, "target") in rows  # 未来三年 from the notice's 2024年3月5日
    assert not [row for row in rows if row[2] in (500, 16) and row[3] in ("万元", "个")]  # 最高500万元, 围绕16个
    assert {f["policy"] for f in notice["targets"]} == {PLAN_TITLE}


def test_a_reported_figure_and_its_growth_rate(notice):
    reported = [f for f in notice["targets"] if f["kind"] == "reported"]
    assert [(f["subject"], f["indicator"], f["value"], f["unit"], f["year"]) for f in reported] == [
        ("集成电路", "集成电路产业营业收入", 3200, "亿元", 2023),
        ("集成电路", "集成电路产业营业收入增速", 12.5, "%", 2023)]


def test_targets_have_exactly_the_issues_keys(notice):
    keys = ["subject", "subject_type", "indicator", "comparator", "value", "unit", "year", "kind", "policy", "evidence"]
    assert notice["targets"] and all(list(f) == keys for f in notice["targets"])


def test_a_news_paragraph_speaks_of_the_place_it_opens_with(extractor):
    found = figures(extractor, "苏州工业园区位于江苏省苏州市，1994年获批设立，现有规模以上工业企业300家。"
                               "2019年，园区实现营业收入2800亿元。\n")
    # 现有 speaks of the present: 300家 is no figure of 1994; 苏州市 only says where the park is
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("苏州工业园区", 2800, 2019)]


def test_several_figures_in_one_clause_each_have_their_own_indicator(extractor):
    found = figures(extractor, "2019年，江苏省实现工业总产值269亿元、营业收入289亿元。")
    assert [(f["subject"], f["indicator"], f["value"]) for f in found] == [
        ("江苏省", "工业总产值", 269), ("江苏省", "营业收入", 289)]


def test_later_clauses_of_a_sentence_keep_the_industrys_subject_for_its_measures(extractor):
    found = figures(extractor, "到2023年，智能传感器主营业务收入达到300亿元，新产品销售收入占比达到60%以上，培育企业20家。")
    # 培育企业20家 is no measure of the industry, and the text names no place to give it
    assert [(f["subject"], f["subject_type"], f["indicator"], f["value"], f["comparator"]) for f in found] == [
        ("智能传感器", "Industry", "智能传感器主营业务收入", 300, "="), ("智能传感器", "Industry", "新产品销售收入", 60, "≥")]


def test_a_starting_value_and_a_count_naming_a_programme_are_not_figures(extractor):
    found = figures(extractor, "2024年，江苏省美国市场占比由14%降至12%，出台10家企业做大做强方案。")
    assert [(f["value"], f["unit"], f["year"]) for f in found] == [(12, "%", 2024)]


def test_a_news_pages_dateline_dates_this_year_and_the_next_two(extractor):
    found = figures(extractor, "广东东莞外贸观察\n《人民日报》（2025年07月02日第 18 版）\n"
                               "今年前5月，东莞外贸进出口货值达6158.5亿元。东莞市某钟表企业预计未来两年东莞销售额将达2亿元。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found] == [
        ("东莞市", 6158.5, 2025, "reported"), ("东莞市", 2, 2027, "target")]


def test_without_a_date_this_year_is_no_year(extractor):
    assert figures(extractor, "今年前5月，东莞市外贸进出口货值达6158.5亿元。") == []


@pytest.mark.parametrize("clause, value, unit", [
    ("主营业务收入力争突破三千亿元", 3000, "亿元"),
    ("用户超千万", 1000, "万"),
    ("主营业务收入达到一百二十亿元", 120, "亿元"),
])
def test_values_in_chinese_numerals(extractor, clause, value, unit):
    figure = only(extractor, f"到2030年，江西省{clause}。")
    assert (figure["value"], figure["unit"], figure["year"]) == (value, unit, 2030)


@pytest.mark.parametrize("text", ["到2030年，江西省培育两个园区、三大基地。", "到2030年，江西省打造四大千亿级产业。",
                                  "到2030年，江西省数十家企业上市。"])
def test_counts_without_a_hundred_and_classes_are_no_figures(extractor, text):
    assert figures(extractor, text) == []


def test_a_value_for_another_year_keeps_the_indicator_before_it(extractor):
    found = figures(extractor, "预计江苏省数字经济核心产业增加值占地区生产总值比重将在2025年上升至12%，在2027年达到15%。")
    indicator = "数字经济核心产业增加值占地区生产总值比重"
    assert [(f["indicator"], f["value"], f["year"]) for f in found] == [(indicator, 12, 2025), (indicator, 15, 2027)]
    assert found[0]["subject"] == found[1]["subject"]


def test_a_news_items_figure_is_stated_by_the_policy_it_reports(extractor):
    found = figures(extractor, "江西省人民政府办公厅日前印发《江西省中医药产业高质量发展实施方案（2025—2030年）》。"
                               "方案明确，到2030年全省中医药产业主营业务收入力争突破三千亿元。\n"
                               "2023年，全省中药材种植面积达到500万亩。\n")
    assert [(f["value"], f["unit"], f["policy"]) for f in found] == [
        (3000, "亿元", "江西省中医药产业高质量发展实施方案（2025—2030年）"), (500, "万亩", None)]


def test_the_whole_city_or_province_is_the_subject_of_a_figure_naming_nothing_else(extractor):
    found = figures(extractor, "长沙市要发挥省会引领作用，到2025年全市新增上云企业1万家。")
    assert [(f["subject"], f["indicator"], f["value"], f["unit"]) for f in found] == [("长沙市", "上云企业", 1, "万家")]
    # 占全国利用总量的: a share of the country's total, not a figure of the country
    found = figures(extractor, "2009年，晋煤集团抽采煤层气11.69亿立方米，占全国利用总量的68.9%。")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [("晋煤集团", 11.69, "亿立方米"), ("晋煤集团", 68.9, "%")]


def test_respectively_pairs_each_value_with_its_year(extractor):
    found = figures(extractor, "规划提出，到2015年和2020年，江苏省分别新增探明地质储量10000亿立方米和20000亿立方米。")
    assert [(f["subject"], f["indicator"], f["value"], f["year"], f["kind"]) for f in found] == [
        ("江苏省", "探明地质储量", 10000, 2015, "target"), ("江苏省", "探明地质储量", 20000, 2020, "target")]


def test_a_value_before_its_measure_is_that_measures(extractor):
    found = figures(extractor, "2010年，江苏省形成13亿立方米的产能规模，建成产值过200亿元的集群5个。")
    # 过200亿元的集群: the value qualifies the clusters
    assert [(f["indicator"], f["value"], f["unit"]) for f in found] == [("产能规模", 13, "亿立方米"), ("产值过200亿元的集群", 5, "个")]


def test_the_next_years_count_from_the_year_the_statement_was_made(extractor):
    figure = only(extractor, "江苏省2010年年报中宣称，未来三年内全省投入资金总额将为10亿元。")
    assert (figure["value"], figure["year"], figure["kind"]) == (10, 2013, "target")


def test_a_firm_spoken_of_without_its_name_gives_no_regions_figure(extractor):
    found = figures(extractor, "2023年，东莞市外贸进出口货值达6158.5亿元。“2023年，公司产值增长30%左右。”熊列华说。\n"
                               "2020年中国全年生产家用空调1.4亿台。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [("东莞市", 6158.5, "亿元"), ("中国", 1.4, "亿台")]


def test_我们_quoted_is_a_firm_and_unquoted_the_government_a_work_report_speaks_for(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "东莞市人民政府工作报告\n"
                                              "2023年，我们全力推动经济恢复增长，全市地区生产总值增长4.5%。\n"
                                              "“2023年，我们的产值增长30%。”熊列华说。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("东莞市", 4.5)]


@pytest.fixture(scope="module")
def work_report(extractor):
    from kg.ingest import read_document

    return printed(extractor.extract(read_document(WORK_REPORT)))["targets"]


def test_a_work_reports_year_headings_date_their_sections(work_report):
    rows = [(f["subject"], f["value"], f["unit"], f["year"], f["kind"]) for f in work_report]
    assert rows[:3] == [("绍兴市", 7791, "亿元", 2023, "reported"), ("绍兴市", 7.8, "%", 2023, "reported"),
                        ("绍兴市", 9.1, "%", 2023, "reported")]  # under 一、2023年工作回顾, with or without 2023年
    # 今年 and 全年 under 二、2024年主要任务 are 2024, its figures targets; （一） stays in the section
    assert rows[3:] == [("绍兴市", 6, "%", 2024, "target"), ("绍兴市", 5, "%", 2024, "target"),
                        ("绍兴市", 3, "‰", 2024, "target"), ("绍兴市", 150, "个", 2024, "target"),
                        ("绍兴市", 12, "平方公里", 2024, "target")]


def test_slogan_year_headings_date_a_review_and_the_plan_after_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "各位代表：\n我代表市人民政府向大会作政府工作报告，请予审议。\n"
                                              "2018年：铆足干劲抓落实\n"
                                              "过去一年，韶关发展取得新成效。预计全市地区生产总值1330亿元，增长5%。\n"
                                              "2019年：砥砺前行开新局\n"
                                              "今年经济社会发展的主要预期目标是：全市地区生产总值增长6%。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found] == [("韶关市", 1330, 2018, "reported"),
                                                                                 ("韶关市", 5, 2018, "reported"),
                                                                                 ("韶关市", 6, 2019, "target")]


def test_a_municipality_is_the_city_本市_speaks_for_and_products_are_counted(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "上海市促进商业航天发展打造空间信息产业高地行动计划（2023-2025年）\n"
                                              "为加快本市构建商业航天发展格局，制定本行动计划。\n"
                                              "到2025年，形成年产600颗商业卫星的批量化制造能力。"
                                              "形成30个典型应用场景解决方案。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [("上海市", 600, "颗"), ("上海市", 30, "个")]


def test_the_year_a_goals_sections_opening_names_dates_its_bullets(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "山东省制造业创新能力提升三年行动计划\n（二）主要目标\n"
                                              "通过实施九大行动，到2025年，全省制造业创新体系进一步完善。\n"
                                              "——企业自主创新能力显著提高。国家企业技术中心达到220家左右。\n"
                                              "二、重点任务\n国家企业技术中心达到250家。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found] == [("山东省", 220, 2025, "target")]


def test_a_firms_results_after_a_semicolon_are_its_own_and_a_repeated_result_counts_once(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "东方财富证券净利逆市大增37%\n"
                                              "数据显示，2022年上半年，东方财富证券实现营业收入41.77亿元，同比增长34.15%；"
                                              "净利润28.48亿元，同比增长37.47%。\n"
                                              "财报显示，今年上半年，东方财富证券实现营业收入41.77亿元，同比增长34.15%。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [
        ("东方财富证券", 41.77, "亿元", 2022), ("东方财富证券", 34.15, "%", 2022), ("东方财富证券", 28.48, "亿元", 2022),
        ("东方财富证券", 37.47, "%", 2022)]


def test_a_text_speaking_for_no_region_about_one_industry_gives_it_the_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "建材工业是国民经济和社会发展的基础性行业。为促进建材工业与新一代信息技术融合发展，"
                                              "加快建材工业迈向高质量发展，制定本计划。\n"
                                              "以习近平新时代中国特色社会主义思想为指导，夯实建材工业信息化支撑基础。\n"
                                              "到2023年，建成建材行业智能工厂50个、数字矿山20个。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [("建材", 50, "个"), ("建材", 20, "个")]


def test_a_linked_sentence_keeps_the_year_and_全市_is_the_city_its_paragraph_is_on(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "我国GDP前十强城市经济发展都颇为强劲，我国经济稳中向好。\n"
                                              "2021年前11月，重庆实现社会消费品零售总额12746.63亿元。"
                                              "同时，全市规模以上工业增加值同比实际增长11.9%。"
                                              "主要产业中，汽车产业增长14.0%。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("重庆市", 12746.63, 2021), ("重庆市", 11.9, 2021),
                                                                      ("汽车", 14, 2021)]


def test_a_results_report_gives_its_firm_the_figures_but_not_the_markets_or_other_firms(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "东方财富证券净利逆市大增37%\n"
                                              "东方财富日前发布了旗下子公司东方财富证券2022年半年度财务报表。"
                                              "2022年上半年，东方财富证券实现营业收入41.77亿元。"
                                              "东方财富证券凭借庞大的零售用户规模，经纪业务市占率进一步抬升。"
                                              "在已发布业绩预告的14只券商股中，有8家预告上半年净利将下滑50%以上。\n"
                                              "具体而言，上半年营收占比最大的是手续费及佣金净收入，为24.41亿元。"
                                              "今年上半年市场股基日均成交额为1.06万亿元。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("东方财富证券", 41.77, 2022),
                                                                      ("东方财富证券", 24.41, 2022)]


def test_last_year_inside_an_earlier_clause_does_not_date_the_figures_after_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "韶关市人民政府工作报告\n二、2019年工作安排\n"
                                              "加快去年85个集中动工和签约项目落地建设，全市装备制造业增加值增长8%以上。\n")
    assert [(f["year"], f["kind"]) for f in found if f["value"] == 8] == [(2019, "target")]


def test_values_after_分别_are_the_places_measures_of_the_items_listed(extractor):
    found = figures(extractor, "2022年上半年，深圳主要高技术产品产量快速增长，其中，新能源汽车、充电桩、5G智能手机、"
                               "民用无人机产量分别增长174.0%、164.0%、67.0%、28.8%。")
    assert [(f["subject"], f["indicator"], f["value"]) for f in found] == [
        ("深圳市", "新能源汽车", 174), ("深圳市", "充电桩", 164), ("深圳市", "5G智能手机", 67), ("深圳市", "民用无人机产量", 28.8)]


def test_the_growth_of_investment_in_an_industry_is_the_places_and_working_days_no_count(extractor):
    found = figures(extractor, "2022年上半年，深圳固定资产投资同比增长14.7%，其中，房地产开发投资增长10.5%。"
                               "2022年，深圳企业开办时间压缩至0.5个工作日。")
    assert [(f["subject"], f["value"]) for f in found] == [("深圳市", 14.7), ("深圳市", 10.5)]


def test_a_headline_restating_a_figure_of_the_body_adds_none(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "深圳上半年GDP增长3%，领跑一线城市\n原标题 深圳上半年GDP增长3%，领跑一线城市\n"
                                              "记者|戈振伟\n7月26日晚，深圳发布2022年上半年经济成绩单。\n"
                                              "根据核算结果，深圳上半年GDP为1.5万亿元，同比增长3%。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [("深圳市", 1.5, "万亿元"), ("深圳市", 3, "%")]


def test_a_list_counted_a_plants_capacity_and_framing_context_are_no_figures(work_report):
    # …上虞码头等42个项目, 日产5000吨…生产线, 以…10个产业规划为指导; and 三、保障措施 ends 2024年主要任务:
    # 全市新增上市公司8家 has no year
    assert not {f["value"] for f in work_report} & {42, 5000, 10, 8}


def read_figures(extractor, folder: Path, text: str) -> list[dict]:
    """The figures of ``text`` read as a file is, one sentence per line at least."""
    from kg.ingest import read_document

    path = folder / "text.txt"
    path.write_text(text, encoding="utf-8")
    return printed(extractor.extract(read_document(path)))["targets"]


def test_the_whole_a_share_is_of_is_not_its_subject(extractor):
    found = figures(extractor, "2022年，苏州市集成电路产业产值达到2000亿元，占江苏省电子信息产业产值的18%。")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [("集成电路", 2000, "亿元"), ("集成电路", 18, "%")]


def test_a_comparison_with_the_country_leaves_the_paragraphs_place_the_subject(extractor):
    found = figures(extractor, "2021年，无锡市物联网企业研发投入占销售收入的8%。"
                               "专利申请量在全国处于前列，2021年全行业利润率达到12%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("无锡市", 8), ("无锡市", 12)]


def test_a_city_named_only_inside_other_names_gives_its_figures_to_no_partner_city(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "二、2024年主要任务\n今年全市游客接待量增长12%。\n"
                                              "深化与杭州合作，融入杭州都市圈。支持黄山旅游集团、黄山风景区和黄山学院发展。\n")
    # 全市 is 黄山市, named most (inside other names): its figure, or none while it is not recognised
    # (旅游总收入 would name its sector, 旅游, the figure's subject as the annotators also accept)
    assert [f["subject"] for f in found] in ([], ["黄山市"])


def test_a_quoted_programme_name_and_a_count_of_examples_are_no_figures(extractor):
    found = figures(extractor, "2023年，浙江省深化“千万工程”，建成美丽乡村示范县11个，吉利汽车等8个重点项目开工建设。")
    assert [(f["value"], f["unit"]) for f in found] == [(11, "个")]


def test_a_count_after_人数_a_negative_rate_and_counted_units(extractor):
    found = figures(extractor, "2020年，浙江省接待游客人数1226.1万人次，经济增速由一季度的-5.6%回升到二季度的5.8%，"
                               "累计报告病例1306例，粮食总产121.1亿斤，生猪存栏628万头，中央补助5－6亿元。")
    assert [(f["value"], f["unit"]) for f in found] == [(1226.1, "万人次"), (-5.6, "%"), (5.8, "%"), (1306, "例"),
                                                        (121.1, "亿斤"), (628, "万头")]


def test_a_bare_wan_counting_a_word_and_a_platforms_name_are_no_figures(extractor):
    found = figures(extractor, "2020年，浙江省农业龙头企业带动15.3万农户，万亩千亿新产业平台增点扩面，用户超千万。")
    assert [(f["value"], f["unit"]) for f in found] == [(1000, "万")]


def test_allowances_paid_out_in_total_are_figures_an_allowance_per_project_is_not(extractor):
    found = figures(extractor, "2009年，韶关市落实各类农业补贴1.8亿元，争取到国家利用补贴6164万元，"
                               "对每个新建项目给予补贴100万元。")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [("韶关市", 1.8, "亿元"), ("韶关市", 6164, "万元")]


def test_the_places_a_report_supports_are_not_its_subject(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "一、2020年主要工作\n"
                                              "浙江省支援武汉、湖北主战场坚决有力，先后调配2018名医务人员支援湖北。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [("浙江省", 2018, "名", 2020)]


def test_a_provinces_report_does_not_carry_a_grouping_it_names_to_later_sentences(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "一、2020年主要工作\n浙江省忠实践行“八八战略”。全省生产总值增长3.6%。\n"
                                              "（四）长三角一体化发展加快落地，长江三角洲地区250个重大项目顺利推进。"
                                              "大花园建设扎实推进，培育千万级大景区12家。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("浙江省", 3.6), ("长江三角洲地区", 250), ("浙江省", 12)]


def test_a_places_takings_from_a_sector_are_the_places_figure(extractor, tmp_path):
    """旅游总收入 names the sector 旅游 for the recogniser (what the place develops), but the takings are the
    place's headline figure, as every sealed set's annotators give them (全省旅游总收入, 全县旅游总收入)."""
    found = read_figures(extractor, tmp_path, "二、2023年工作回顾\n全省接待游客2.5亿人次，旅游总收入增长18.1%。\n"
                                              "2023年，辽宁省旅游综合收入突破5000亿元。\n")
    assert [(f["subject"], f["subject_type"], f["value"]) for f in found if "收入" in f["indicator"]] \
        == [("辽宁省", "Region", 18.1), ("辽宁省", "Region", 5000)]


def test_a_city_the_recogniser_missed_is_whom_全市_speaks_for_when_it_stands_on_its_own(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "二、2024年主要任务\n今年全市游客接待量增长12%。\n"
                                              "深化与杭州合作，融入杭州都市圈。着力打造黄山工业发展“市级队”，"
                                              "支持黄山旅游集团、黄山风景区发展。\n")
    assert [(f["subject"], f["subject_type"], f["value"], f["year"]) for f in found] == [("黄山市", "Region", 12, 2024)]
    # a name met only inside other names (中山大学) makes no region
    assert read_figures(extractor, tmp_path, "二、2024年主要任务\n今年全市游客接待量增长12%。\n"
                                             "支持中山大学、中山大学附属医院和中山大学深圳校区发展。\n") == []


def test_a_breakdown_and_the_clauses_after_a_semicolon_keep_the_year_of_the_sentence_before(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "一、五年来政府工作回顾\n鞍山市政府高举旗帜。"
                                              "预计2002年全市实现国内生产总值709亿元，比上年增长11%。"
                                              "其中，农业增加值52亿元，年均增长9%；工业增加值349.7亿元。城市人均可支配收入6800元。\n")
    # the sentence after the breakdown names no year: 6800元 has none
    assert [(f["value"], f["year"]) for f in found] == [(709, 2002), (11, 2002), (52, 2002), (9, 2002), (349.7, 2002)]


def test_a_zone_spoken_of_without_its_name_gives_its_figures_to_no_one(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2002年，鞍山市工业增加值增长9%。\n"
                                              "2002年高新区完成技工贸总收入150亿元；实现全口径财政收入3亿元。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("鞍山市", 9)]


def test_a_share_of_a_foreign_market_is_the_citys(extractor):
    found = figures(extractor, "2024年，东莞市对共建“一带一路”国家进出口额突破4054.5亿元；"
                               "东盟跃居东莞第一大贸易市场，美国市场占比由14%降至12%。")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("东莞市", 4054.5, 2024), ("东莞市", 12, 2024)]


def test_two_measures_with_one_growth_rate_are_two_figures_one_measure_of_two_groups_is_one(extractor):
    found = figures(extractor, "2010年，铜川市财政总收入和地方财政收入增长18%，城镇和农村居民收入增长9%。")
    assert [(f["indicator"], f["value"]) for f in found] == [("财政总收入", 18), ("地方财政收入", 18),
                                                             ("城镇和农村居民收入", 9)]


def test_a_count_right_after_the_items_it_counts_is_no_figure(extractor):
    found = figures(extractor, "2010年，铜川市加快新区南部、坡头、黄堡、董家河4个市级工业园区建设，新建清洁燃料锅炉30台。")
    assert [(f["value"], f["unit"]) for f in found] == [(30, "台")]


def test_本市_is_the_city_the_text_speaks_for_and_资本市场_is_no_本市(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "苏州市推动企业利用资本市场。\n"
                                              "2024年，昆山市新增上市公司3家，本市新增上市公司8家。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("昆山市", 3), ("苏州市", 8)]


def test_an_industry_naming_the_firms_measured_is_not_the_subject(extractor):
    found = figures(extractor, "2009年，韶关市市级农业龙头企业销售收入增长11.1%，智能传感器主营业务收入达到109亿元。")
    assert [(f["subject"], f["value"]) for f in found] == [("韶关市", 11.1), ("智能传感器", 109)]


def test_a_stake_is_the_buyers_not_the_firm_bought(extractor):
    found = figures(extractor, "2009年，中国五矿收购澳大利亚OZ公司50%股权。")
    assert [(f["subject"], f["value"]) for f in found] == [("中国五矿", 50)]


def test_全市_is_the_city_the_title_names_not_a_partner_named_more_often(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "鞍山市人民政府工作报告\n"
                                              "鞍山市与沈阳市合作，建设沈阳市项目、沈阳市园区、沈阳市基地。\n"
                                              "2002年，全市生产总值增长10%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("鞍山市", 10)]


def test_a_news_report_on_a_part_of_a_year_gives_its_year_to_the_figures_that_do_not_repeat_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "江苏13个设区市一季度GDP出炉：苏州领跑\n"
                                              "记者梳理了13个设区市2022年一季度经济数据。\n"
                                              "苏州以5485.7亿元位居第一。\n"
                                              "一季度，南京市规模以上工业增加值同比增长6.3%。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found
] == [("苏州市", 5485.7, 2022, "reported"), ("南京市", 6.3, 2022, "reported")]


def test_a_part_of_a_year_takes_its_year_only_in_the_sentences_that_name_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "南京经济观察\n"
                                              "2022年上半年，南京市规模以上工业增加值同比增长6.3%。\n"
                                              "上半年，南京市社会消费品零售总额3500亿元。\n"
                                              "南京市常住人口942万人。\n")
    assert [(f["value"], f["year"]) for f in found] == [(6.3, 2022), (3500, 2022)]


def test_values_after_分别_are_of_the_names_listed_before_it_in_order(extractor):
    found = figures(extractor, "2022年，深圳市规模以上工业增加值同比增长8.3%。其中，通用设备制造业、电气机械和器材制造业、"
                               "专用设备制造业增加值同比分别增长27.7%、25.1%和11.9%，两年平均分别增长9.6%、8.1%和8.7%。")
    assert [(f["subject"], f["indicator"], f["value"]) for f in found][1:] == [
        ("通用设备制造业", "增加值同比", 27.7), ("电气机械和器材制造业", "增加值同比", 25.1), ("专用设备制造业", "增加值同比", 11.9),
        ("通用设备制造业", "两年平均", 9.6), ("电气机械和器材制造业", "两年平均", 8.1), ("专用设备制造业", "两年平均", 8.7)]


def test_公顷_is_a_unit_and_万多_is_more_than_a_count_of_万(extractor):
    found = figures(extractor, "2011年，防城港市获得用地用海2542公顷，新发展个体工商户1万多户。")
    assert [(f["comparator"], f["value"], f["unit"]) for f in found] == [("=", 2542, "公顷"), ("≥", 1, "万户")]


def test_values_naming_or_qualifying_the_thing_after_them_are_no_figures(extractor):
    found = figures(extractor, "2011年，防城港市狠抓产业百项工程，152个项目完成投资173亿元，40万吨铜冶炼项目通过环评，"
                               "一批建筑面积20万平方米以上的楼盘开工建设，加快打造千百亿元产业园区，煤电铝产业产值过百亿元目标。")
    assert [(f["value"], f["unit"]) for f in found] == [(152, "个"), (173, "亿元"), (100, "亿元")]


def test_a_year_compared_with_is_not_the_year_of_the_values_after_it(extractor):
    found = figures(extractor, "2021年，安徽省规模以上工业增加值两年平均增幅为9.4%，比2019年同期高0.3个百分点。"
                               "2020年，中国平均每个家庭户人口为2.62人，比2010年的3.10人减少了0.48人。")
    assert [(f["value"], f["year"]) for f in found] == [(9.4, 2021), (0.3, 2021), (2.62, 2020), (3.1, 2010), (0.48, 2020)]


def test_a_numbered_item_titled_with_a_product_gives_it_the_figures_naming_no_subject(extractor, tmp_path):
    from kg.ingest import read_document

    path = tmp_path / "text.txt"
    path.write_text("（三）智能翻译系统。推动高精准智能翻译系统应用。\n"
                    "（四）医疗影像辅助诊断系统。推动医学影像数据采集标准化与规范化。到2020年，国内先进的多模态医学影像"
                    "辅助诊断系统对以上典型疾病的检出率超过95%。\n", encoding="utf-8")
    found = printed(extractor.extract(read_document(path)))
    assert [(f["subject"], f["value"]) for f in found["targets"]] == [("医疗影像辅助诊断系统", 95)]
    assert "智能翻译系统" not in {e["name"] for e in found["entities"]}  # an entity only when a figure is its


@pytest.mark.parametrize("text, subjects", [
    pytest.param("江苏13个设区市一季度GDP：苏州总量第一 无锡增速最快\n"
                 "2022年一季度，苏州市GDP为5485.7亿元。\n"
                 "无锡市统计局数据显示，一季度，全市规模以上工业增加值同比增长6.3%。\n"
                 "一季度，无锡市固定资产投资增速连续4个月居全省首位。其中，社会消费品零售总额1415.4亿元。\n",
                 [("苏州市", 5485.7), ("无锡市", 6.3), ("无锡市", 1415.4)], id="a title comparing cities speaks for none"),
    pytest.param("防城港市人民政府工作报告\n"
                 "2011年，全市经济平稳增长。\n"
                 "2011年，北京华联等大型连锁超市入驻，社会消费品零售总额达59.8亿元。\n"
                 "2011年，东兴市成功举办第五届中国边境口岸城市市长论坛，规上工业产值增长65%。\n",
                 [("防城港市", 59.8), ("东兴市", 65)], id="a place outside the city a text speaks for leads no sentence"),
    pytest.param("附件\n\n苏州市北斗产业高质量发展三年行动计划\n"
                 "为打造全国北斗产业创新发展高地，特制定本行动计划。\n"
                 "到2023年，培育产业链优质企业100家。\n",
                 [("苏州市", 100)], id="a plan saying only 全国 speaks for the city its title under 附件 names"),
    pytest.param("2021年以来，中国宝武、河钢等特大型钢企陆续发布碳达峰、碳中和目标。\n"
                 "宝武：2023年力争实现碳达峰，2025年具备减碳30%工艺技术能力。\n",
                 [("中国宝武", 30)], id="a paragraph labelled with a firm's short form is the firm's"),
    pytest.param("长三角观察\n"
                 "长三角消费升级为全国提供样板经验，全国消费转型加快。\n"
                 "长三角正通过多种机制破题，并计划到2025年改造1000个乡村消费网点。\n",
                 [("长江三角洲地区", 1000)], id="in a text speaking for the country any place may lead a sentence"),
    pytest.param("金华市人民政府工作报告\n"
                 "2007年，全市品牌建设扎实推进，新增中国名牌产品7只、中国驰名商标56只、国家免检产品19只。\n",
                 [("金华市", 7), ("金华市", 56), ("金华市", 19)],
                 id="a place named in what is gained is no subject of its count"),
    pytest.param("金华市人民政府工作报告\n三、2008年工作重点\n"
                 "全市要做好中科院金华科技园实体化推进工作，争取新培育市级以上高新企业50家。"
                 "确保完成工业投资280亿元。\n",
                 [("金华市", 50), ("金华市", 280)], id="a place inside a task leads no later clause"),
    pytest.param("我国GDP前十强城市中，长三角有上海、苏州，我国经济稳中向好。\n"
                 "值得一提的是，广东的固定资产投资和出口在2021年明显发力。"
                 "2021年前三季度，全市固定资产投资同比增长19.8%，两年平均增长12.8%。"
                 "同在2021年前三季度，出口4823.7亿元。\n",
                 [("广东省", 12.8), ("广东省", 4823.7)],
                 id="a paragraph of a country text on a province gives it its figures"),
    pytest.param("我国GDP前十强城市经济发展都颇为强劲，我国经济稳中向好。\n"
                 "2021年前11月，重庆实现社会消费品零售总额12746.63亿元。"
                 "主要产业中，消费品产业增长9.6%，能源工业增长3.4%。\n",
                 [("重庆市", 12746.63), ("消费品", 9.6), ("重庆市", 3.4)],
                 id="a clause naming a sector of its own carries no industry"),
    pytest.param("跨境电商研究报告\n我国跨境电商发展迅速，全国跨境电商企业不断增加。\n"
                 "建议浙江省制定跨境电商三年行动计划，明确2027年建成5个千亿级产业集群目标。\n",
                 [("浙江省", 5)], id="a place a proposal is made to leads its figures"),
    pytest.param("韶关市人民政府工作报告\n2018年工作回顾\n"
                 "芙蓉新区全面提速，完成清表交地6073亩，全市新建30个公园。"
                 "韶新高速完成投资25亿元，开工建设旅游公路104公里。\n",
                 [("韶关市", 30), ("韶关市", 104)], id="works the recogniser does not name keep the figures of their clause"),
])
def test_the_subject_a_figure_naming_none_falls_back_on(extractor, tmp_path, text, subjects):
    assert [(f["subject"], f["value"]) for f in read_figures(extractor, tmp_path, text)] == subjects


def test_a_place_a_value_is_compared_with_is_not_its_subject(extractor):
    found = figures(extractor, "2021年，安徽省GDP为9529.1亿元，这一数据高出上海70.24亿元。"
                               "2021年，广州市GDP为13101.89亿元，与深圳的差距缩小到1223亿元。"
                               "2021年，浙江省GDP增速为19.5%，高于江苏的19.2%。"
                               "2022年上半年，深圳GDP同比增长3%，也高于广东省同期的2%。")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("安徽省", 9529.1), ("安徽省", 70.24), ("广州市", 13101.89), ("广州市", 1223), ("浙江省", 19.5), ("江苏省", 19.2),
        ("深圳市", 3), ("广东省", 2)]


def test_a_value_right_after_gdp_and_an_age_in_岁_are_figures(extractor):
    found = figures(extractor, "2021年，成都市实现GDP9602.72亿元，人均预期寿命74.8岁，举办204场专场招聘活动。")
    assert [(f["value"], f["unit"]) for f in found] == [(9602.72, "亿元"), (74.8, "岁"), (204, "场")]


def test_measures_listed_share_a_rate_unless_分别_gives_each_its_own(extractor):
    found = figures(extractor, "2011年，上思县全社会固定资产投资、税收增速均超过37%。"
                               "天科股份2011年一季度主营业务收入、净利润分别增长31.3%、98.67%。")
    assert [(f["indicator"], f["value"]) for f in found][:2] == [("全社会固定资产投资", 37), ("税收增速", 37)]
    assert [f["value"] for f in found][2:] == [31.3, 98.67]


def test_a_place_built_is_no_subject_and_a_unit_not_known_no_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "贵州省人民政府工作报告\n"
                                              "2020年，全省建成贵州科学城，国家重点实验室达到5家，出省带宽达到1.7万G。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [("贵州省", 5, "家")]


def test_a_count_in_a_quoted_slogan_is_no_figure_and_个千分点_a_unit(extractor):
    found = figures(extractor, "2012年，防城港市完成“大干20件大事”的目标任务，人口出生率低于责任指标1.67个千分点。")
    assert [(f["value"], f["unit"]) for f in found] == [(1.67, "个千分点")]


def test_a_five_year_plans_period_dates_its_figures_by_its_last_year_not_by_the_sections(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "贵州省人民政府工作报告\n"
                                              "到2035年，全省基本实现社会主义现代化。“十四五”时期，全省地区生产总值年均增长7%左右；"
                                              "常住人口城镇化率达到58%左右。全省森林覆盖率达到65%。\n")
    assert [(f["value"], f["year"]) for f in found] == [(7, 2025), (58, 2025), (65, 2035)]


def test_a_five_year_plans_period_dates_the_sentence_going_on_with_it_not_one_looking_back(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "安徽数字经济规划发布\n新浪财经 2022-01-10\n"
                                              "根据规划，“十四五”期间要培育3至5家龙头企业，软件业务收入达到4000亿元。"
                                              "同时，数字贸易进出口总额达到1万亿元。\n"
                                              "“十三五”期间，全省软件业务收入年均增长15%。\n")
    assert [(f["value"], f["unit"], f["year"]) for f in found] == [(4000, "亿元", 2025), (1, "万亿元", 2025)]


def test_a_measure_with_以上_before_a_noun_is_a_class_of_it_a_count_is_a_figure(extractor):
    found = figures(extractor, "2020年，贵州省30户以上自然村寨全部通硬化路，建成4万个以上5G基站，城镇新增就业60万人以上，"
                               "60岁及以上老年人口占比22%。")
    assert [(f["value"], f["unit"]) for f in found] == [(4, "万个"), (60, "万人"), (22, "%")]


def test_a_market_sectors_figure_is_no_regions(extractor):
    found = figures(extractor, "2021年，中国钢铁行业整体涨幅达34.06%。2021年，稀土板块全年累计涨幅高达158.91%。")
    assert [(f["subject"], f["value"]) for f in found] == [("中国", 34.06)]


def test_values_after_分别_are_of_the_list_named_in_a_clause_before(extractor):
    found = figures(extractor, "2023年末，上海各区老年人口比重列前三位的依次是虹口区、黄浦区和普陀区，比重分别为44.9%、43.8%和42.8%。")
    assert [(f["subject"], f["value"]) for f in found] == [("虹口区", 44.9), ("黄浦区", 43.8), ("普陀区", 42.8)]


def test_an_industry_inside_a_longer_sector_name_after_全省_leaves_the_figure_to_the_province(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "山东省人民政府关于加快新一代信息技术产业发展的指导意见\n"
                                              "力争到2025年，全省云服务大数据产业规模达到5000亿元。"
                                              "力争到2025年，全省集成电路产业营业收入达到3200亿元。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("山东省", 5000), ("集成电路", 3200)]


def test_a_value_before_的_and_a_place_is_that_places(extractor):
    found = figures(extractor, "2021年一季度，湖北省GDP达9872.67亿元，距离10223.99亿元的湖南仅一步之遥。")
    assert [(f["subject"], f["value"]) for f in found] == [("湖北省", 9872.67), ("湖南省", 10223.99)]


def test_a_sectors_share_of_the_regions_output_is_the_regions_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "贵州省人民政府工作报告\n"
                                              "2021年全省主要目标是：制造业增加值占地区生产总值比重20%左右，"
                                              "民间投资占固定资产投资比重45%左右，智能传感器主营业务收入达到300亿元，"
                                              "新能源汽车产业产值占规上工业产值的比重达到15%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("贵州省", 20), ("贵州省", 45), ("智能传感器", 300),
                                                           ("贵州省", 15)]


def test_the_bar_counted_things_pass_is_no_figure(extractor):
    found = figures(extractor, "2021年，浙江省38个工业行业大类中，37个行业实现正增长，其中32个行业增速高于20%。")
    assert [(f["value"], f["unit"]) for f in found] == [(38, "个"), (37, "个"), (32, "个")]


def test_a_city_work_report_ranking_itself_in_its_province_speaks_for_the_city_holding_its_county(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2013年工作回顾\n"
                                              "2013年，全市地区生产总值完成1220亿元，增幅居全省第二。全省率先开展农村土地确权，"
                                              "成为全省首批创新型城市。北京首农、佐源木糖醇等项目正式签约。"
                                              "依安县、拜泉县粮食总产再创新高，齐齐哈尔重型数控机床产业集群加快发展。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("齐齐哈尔市", 1220)]


def test_an_undated_report_on_a_quarter_is_of_the_latest_year_it_compares_with_or_plans(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "大庆市经济运行开局良好\n年初以来，全市经济实现了首季“开门红”。\n"
                                              "一季度全市实现地区生产总值626.9亿元，比2016年全年增速高0.3个百分点，"
                                              "与2017年计划目标持平。\n全市规模以上工业增加值下降1.3%。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("大庆市", 626.9, 2017), ("大庆市", 0.3, 2017),
                                                                          ("大庆市", 1.3, 2017)]


def test_an_undated_report_on_a_year_its_lead_opens_with_written_after_it_is_of_its_unnamed_city(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "我市农村经济在新常态下稳步发展\n"
                                              "2014年，全市上下以科学发展观为指导，农村经济继续保持快速增长态势。"
                                              "全市第一产业实现增加值185亿元，同比增长8.5%。\n"
                                              "近年来，我市全力推进粮食产能基地建设，全年粮食总产达106.68亿斤。\n"
                                              "去年我市有效灌溉面积占农作物总播种面积的33%。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("我市", 185, 2014), ("我市", 8.5, 2014),
                                                                          ("我市", 106.68, 2014), ("我市", 33, 2014)]


def test_a_plan_ranking_itself_in_the_country_speaks_for_the_province_its_clauses_open_with(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "为加快培育新质生产力，特制定本行动计划。\n一、主要目标\n"
                                              "打造全国新一代人工智能创新发展高地，成为全国重要的人工智能产业集聚区，"
                                              "吸引全国优秀企业参赛。力争到2027年，全省算力规模达到14EFlops。"
                                              "培育20家人工智能领军企业。\n"
                                              "二、重点任务\n支持山东省企业建设算力平台，建设山东算网平台。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("山东省", 14, 2027), ("山东省", 20, 2027)]


def test_a_firms_annual_results_news_is_the_firms_and_its_报告期_the_reports_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "佩蒂股份2024净利润同比大增\n"
                                              "近日，佩蒂股份发布2024年财报，公司全年实现营业收入16.59亿元。\n"
                                              "报告期内，主营业务销售收入大部分来自宠物零食产品。其中，公司咬胶营收达11.13亿元。\n"
                                              "在海外市场，公司在新西兰、越南和柬埔寨的工厂订单饱满。"
                                              "报告期内，公司海外销售收入为13.71亿元。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("佩蒂股份", 16.59, 2024), ("佩蒂股份", 11.13, 2024), ("佩蒂股份", 13.71, 2024)]


def test_a_five_year_plans_table_of_indicators_is_of_the_periods_last_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "“十四五”国家应急体系规划\n（三）主要目标。\n"
                                              "总体目标：到2025年，应急管理体系和能力现代化建设取得重大进展。\n"
                                              "到2035年，建立与基本实现现代化相适应的中国特色大国应急体系。\n"
                                              "专栏1　“十四五”时期主要指标\n序号\n指标\n预期值\n1\n生产安全事故死亡人数\n下降15%\n"
                                              "约束性\n2\n灾害预警信息发布公众覆盖率\n90%\n预期性\n")
    assert [(f["value"], f["year"]) for f in found] == [(15, 2025), (90, 2025)]


def test_a_size_after_its_noun_makes_a_class_and_days_count_only_as_a_number_of_days(extractor):
    found = figures(extractor, "2013年，齐齐哈尔市新建100张床位以上养老机构5家，城市空气质量二级以上天数达346天，"
                               "细颗粒物平均浓度下降6微克，3天内办结率100%。")
    assert [(f["value"], f["unit"]) for f in found] == [(5, "家"), (346, "天"), (6, "微克"), (100, "%")]


def test_one_value_said_with_均_of_listed_indicators_is_each_ones_but_not_of_listed_places(extractor):
    found = figures(extractor, "2014年，齐齐哈尔市耕地化肥、农药施用量均降低10%。2021年，杭州和武汉上半年GDP均超过8000亿元。")
    assert [(f["indicator"], f["value"]) for f in found][:2] == [("耕地化肥下降", 10), ("农药施用量下降", 10)]
    assert [f["value"] for f in found][2:] == [8000]


def test_a_work_reports_year_heading_after_a_motto_dates_its_targets(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "各位代表：\n我代表市人民政府向大会作政府工作报告，请予审议。\n"
                                              "一、2006年工作的回顾\n过去一年，玉溪经济平稳发展。全市生产总值达到415.9亿元。\n"
                                              "二、坚持科学发展，切实抓好2007年的各项工作\n"
                                              "全市经济社会发展的主要预期目标建议为：生产总值达450亿元、增长8%。\n")
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [(415.9, 2006, "reported"), (450, 2007, "target"),
                                                                   (8, 2007, "target")]


def test_the_year_a_plans_goals_are_stated_for_dates_them_not_the_vision_before(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "“十四五”智能制造发展规划\n（三）发展路径和目标\n"
                                              "到2025年，规模以上制造业企业大部分实现数字化网络化；\n"
                                              "到2035年，规模以上制造业企业全面普及数字化网络化。\n"
                                              "2025年的主要目标是：\n——供给能力明显增强。\n"
                                              "培育150家以上专业水平高、服务能力强的智能制造系统解决方案供应商。\n")
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [(150, 2025, "target")]


def test_a_news_report_comparing_provinces_speaks_for_none_of_them(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "粤苏鲁经济领跑全国\n2021年，广东、江苏、山东三省份GDP继续领跑全国。\n"
                                              "2021年，广东第一产业增加值为5003.66亿元；第二产业增加值为50219.19亿元。\n"
                                              "2021年，江苏第一产业增加值4722.4亿元；第二产业增加值51775.4亿元。\n"
                                              "2021年，全省GDP迈上11万亿元新台阶。广东省的GDP为124369.67亿元，江苏省为116364.2亿元。\n"
                                              "山东省2021年限额以上体育娱乐用品类、通讯器材类零售额分别增长61.5%、54.3%。\n")
    assert [(f["subject"], f["value"]) for f in found if f["unit"] != "万亿元"] == [
        ("广东省", 5003.66), ("广东省", 50219.19), ("江苏省", 4722.4), ("江苏省", 51775.4),  # after ；, the province's
        ("广东省", 124369.67), ("江苏省", 116364.2), ("山东省", 61.5), ("山东省", 54.3)]


def test_a_product_named_before_its_growth_takes_it_from_the_product_before(extractor):
    found = figures(extractor, "2021年，广东省战略性新兴产业产品产量增势良好，其中，工业机器人同比增长56.5%，营业收入增长12%，"
                               "集成电路增长30.3%。")
    assert [(f["subject"], f["indicator"], f["value"]) for f in found] == [
        ("工业机器人", "工业机器人同比", 56.5), ("工业机器人", "营业收入", 12), ("广东省", "集成电路", 30.3)]


def test_the_year_a_change_starts_from_dates_only_its_starting_value(extractor):
    found = figures(extractor, "中国移动研发支出由2020年的110亿元，提升至185亿元，增速达67%。")
    assert [(f["value"], f["year"]) for f in found] == [(110, 2020)]


def test_a_rank_and_a_condition_for_what_follows_are_no_figures(extractor):
    found = figures(extractor, "2017年，青岛市全球金融中心排名继续位居前50名，新增就业人员75.2万名。"
                               "青岛市研发投入增速在2019年、2020年连续两年低于20%之后，2021年同比提高26.36%。")
    assert [(f["value"], f["unit"]) for f in found] == [(75.2, "万名"), (26.36, "%")]


def test_a_products_output_in_a_citys_report_is_the_citys(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "各位代表：\n我代表市人民政府向大会作政府工作报告，请予审议。\n"
                                              "一、2017年工作回顾\n过去一年，青岛发展取得新成效。"
                                              "全市粮食产量296.9万吨，蔬菜产量830万吨；全市服务业增加值增长8%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("青岛市", 296.9), ("青岛市", 830), ("服务业", 8)]


def test_an_undated_news_report_whose_lead_opens_with_a_year_is_on_that_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "原标题：粤苏鲁经济领跑全国\n2021年各省份GDP数据已陆续发布，广东、江苏、山东继续领跑全国。\n"
                                              "山东省政府新闻办公室发布的信息显示，山东一般公共预算收入达到7284.5亿元。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("山东省", 7284.5, 2021)]


def test_a_place_in_the_title_of_what_a_city_gained_is_no_subject_of_its_count(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "各位代表：\n我代表市人民政府向大会作政府工作报告，请予审议。\n"
                                              "一、2017年工作回顾\n过去一年，青岛发展取得新成效。全市生产总值增长7.5%。"
                                              "创建国家特色小镇2个、全国美丽乡村和中国最美休闲乡村11个。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("青岛市", 7.5), ("青岛市", 2), ("青岛市", 11)]


def test_a_year_the_review_compares_with_is_not_the_year_of_its_values(extractor):
    found = figures(extractor, "与2000年相比，龙岩市生产总值由208.7亿元增加到385.2亿元，年均增长9.8%。"
                               "2005年，龙岩市财政总收入达到30亿元。")
    assert [(f["value"], f["year"]) for f in found] == [(30, 2005)]


def test_a_count_of_the_items_listed_with_he_before_it_is_no_figure(extractor):
    found = figures(extractor, "力争到2010年，龙岩市工业总产值达到800亿元，电子信息、医药化工和物流3个产业加快发展。")
    assert [(f["value"], f["unit"]) for f in found] == [(800, "亿元")]


def test_one_value_said_of_each_industry_listed_is_the_citys(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "各位代表：\n我代表市人民政府向大会作政府工作报告，请予审议。\n"
                                              "一、2005年工作回顾\n过去一年，龙岩发展取得新成效。全市生产总值增长12%。\n"
                                              "二、今后五年的目标\n促进产业集聚，力争到2010年烟草、机械、钢铁、铜、建材5个产业年产值均达到100亿元以上，"
                                              "纺织、电力、煤炭、农产品加工和旅游5个产业年产值均达到50亿元以上。\n")
    assert {(f["subject"], f["value"]) for f in found if f["year"] == 2010} == {("龙岩市", 100), ("龙岩市", 50)}


def test_a_city_the_title_names_is_no_home_when_another_is_named_as_often(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "城市GDP竞争：谁蚌埠住了？\n被誉为“世界工厂”的东莞，2021年GDP为10855.35亿元。"
                                              "东莞成为“双万”城市。东莞人口超千万，东莞制造业发达。\n"
                                              "蚌埠2021年GDP位居全省第8位。蚌埠坦言目前面临诸多问题。全市产业结构不优。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("东莞市", 10855.35)]


def test_a_plan_for_one_year_named_for_it_dates_its_task_items(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "数字山东2021行动方案\n为全面推进数字强省建设，制定本行动方案。\n"
                                              "一、加快建设数字基础设施\n（一）推进网络建设。全省新建5G基站4万个。\n")
    assert [(f["value"], f["unit"], f["year"], f["kind"]) for f in found] == [(4, "万个", 2021, "target")]


def test_a_plan_for_several_years_gives_its_task_items_no_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "山东省数字经济行动方案（2021—2023年）\n为全面推进数字强省建设，制定本行动方案。\n"
                                              "一、加快建设数字基础设施\n（一）推进网络建设。全省新建5G基站4万个。\n")
    assert found == []


def test_a_firms_news_naming_the_country_only_in_its_source_gives_it_no_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "晶丰明源实控人方拟套现5.5亿\n中国经济网北京6月12日讯 晶丰明源昨日晚间发布股东询价转让计划书。\n"
                                              "晶丰明源的保荐机构为广发证券股份有限公司。\n"
                                              "2022年至2025年，晶丰明源实现营业收入分别为10.79亿元、13.03亿元、15.04亿元和15.70亿元。\n")
    assert [f for f in found if f["subject"] == "中国"] == []


def test_a_count_of_the_cities_a_rank_is_among_is_no_figure(extractor):
    found = figures(extractor, "2021年，蚌埠GDP增长6%，位居长三角41个市中第30位。")
    assert [(f["value"], f["unit"]) for f in found] == [(6, "%")]


def test_a_release_dated_in_its_head_speaking_as_the_country_is_chinas(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "前三季度国民经济恢复向好\n国家统计局 2023-10-18 10:00\n"
                                              "前三季度，全国规模以上工业增加值同比增长4.0%。分门类看，制造业增长4.4%。\n"
                                              "前三季度，全国规模以上工业企业实现利润总额5.5万亿元，生猪出栏52000万头。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found if f["subject_type"] == "Region"] == [
        ("中国", 4.0, 2023), ("中国", 5.5, 2023), ("中国", 52000, 2023)]


def test_a_countys_bulletin_opening_with_its_year_and_naming_itself_once_is_that_countys(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2022年，是极不平凡的一年，也是双峰发展史上极为不易的一年。\n一、综合\n"
                                              "经初步核算，全县实现地区生产总值310.5亿元，增长4.1%。\n二、农业\n"
                                              "全年粮食总产量30.5万吨，生猪出栏80.2万头。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("双峰县", 310.5, 2022), ("双峰县", 4.1, 2022), ("双峰县", 30.5, 2022), ("双峰县", 80.2, 2022)]


def test_a_districts_analysis_dated_the_year_after_dates_its_parts_by_its_paragraph(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "稳中求进\n发布日期： 2023- 06- 20 15: 30 信息来源：黄岩区人民政府\n"
                                              "——2022年黄岩区经济形势分析\n2022年，全区上下坚持稳中求进。\n"
                                              "2022年全区实现生产总值650.3亿元，比上年增长3.1%。从增长走势来看，"
                                              "一季度和上半年GDP增速分别为5.2%和2.8%。分产业看，第一产业实现增加值20.1亿元，"
                                              "比上年增长2.5%；第二产业实现增加值300.2亿元，比上年增长3.3%。\n"
                                              "2022年，全区实现农林牧渔业增加值21.3亿元，比上年增长2.4%。\n")
    assert {(f["subject"], f["year"]) for f in found} == {("黄岩区", 2022)}
    assert [f["value"] for f in found] == [650.3, 3.1, 5.2, 2.8, 20.1, 2.5, 300.2, 3.3, 21.3, 2.4]


def test_a_firm_announcing_its_annual_report_is_the_subject_of_its_news(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "近日，华测导航发布2023年年度报告。公告显示，华测导航2023年实现营业收入26.8亿元，"
                                              "同比增长19.4%。\n在资源与公共事业板块，公司营业收入较去年同期增长12.3%。"
                                              "按照该板块2022年全年营业收入口径进行对比，同比增长仍达到8.1%。\n")
    assert [(f["subject"], f["subject_type"], f["value"], f["year"]) for f in found] == [
        ("华测导航", "Enterprise", 26.8, 2023), ("华测导航", "Enterprise", 19.4, 2023),
        ("华测导航", "Enterprise", 12.3, 2023), ("华测导航", "Enterprise", 8.1, 2023)]


def test_a_firms_results_table_gives_each_row_its_years_and_units(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "华测导航：2023年度业绩快报\n上海华测导航技术股份有限公司2023年度业绩快报\n"
                                              "一、2023年度主要财务数据和指标\n单位：人民币元\n"
                                              "项目 | 本报告期 | 上年同期 | 增减变动幅度(%) |\n"
                                              "营业总收入 | 2,680,123,456.78 | 2,236,000,000.00 | 19.86 |\n"
                                              "基本每股收益（元） | 0.81 | 0.65 | 24.62 |\n"
                                              "加权平均净资产收益率 | 13.10% | 12.05% | 1.05 |\n")
    assert [(f["value"], f["unit"], f["year"]) for f in found] == [
        (2680123456.78, "元", 2023), (2236000000.0, "元", 2022), (19.86, "%", 2023),
        (0.81, "元", 2023), (0.65, "元", 2022), (24.62, "%", 2023),
        (13.10, "%", 2023), (12.05, "%", 2022), (1.05, "%", 2023)]
    assert {f["subject_type"] for f in found} == {"Enterprise"} and found[0]["indicator"] == "营业总收入"


def test_the_last_value_of_a_list_before_its_de_is_a_figure(extractor):
    found = figures(extractor, "具体数据显示，2023年新能源汽车的产销量分别达到了958.7万辆与949.5万辆，与去年同期相比，"
                               "分别实现了35.8%与37.9%的显著增长。此外，2023年新能源汽车出口量达到了120.3万辆，"
                               "新能源汽车市场持续领跑全球。")
    assert [f["value"] for f in found] == [958.7, 949.5, 35.8, 37.9, 120.3]


def test_old_weights_are_units(extractor):
    found = figures(extractor, "2022年，双峰县收购烟叶18.6万担，人均粮食占有量465公斤。")
    assert [(f["value"], f["unit"]) for f in found] == [(18.6, "万担"), (465, "公斤")]


def test_a_month_a_release_covers_keeps_its_year_but_an_events_date_gives_none(extractor):
    found = figures(extractor, "截至2024年6月末，南京市金融机构本外币存款余额4.9万亿元。2024年12月份，南京市新能源汽车产量增长12.5%。")
    assert [(f["value"], f["year"]) for f in found] == [(4.9, 2024), (12.5, 2024)]
    assert figures(extractor, "2021年9月1日起，南京市新建5G基站1万个。") == []


def test_a_results_term_taken_for_a_firm_is_no_subject(extractor):
    found = figures(extractor, "2024年，南京银行实现营业收入502.73亿元，同比增长11.32%；实现归母净利润201.77亿元，同比增长9.05%。")
    assert {f["subject"] for f in found} == {"南京银行"} and len(found) == 4


def test_a_zones_quanqu_speaks_for_the_zone_not_a_district_it_names(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "苏州工业园区2023年经济运行情况\n2023年，苏州工业园区实现地区生产总值3686亿元。"
                                              "全区规上工业总产值7000亿元，全区进出口总额6000亿元。吴中区、相城区有关负责人出席。\n")
    assert {f["subject"] for f in found} == {"苏州工业园区"} and len(found) == 3


def test_a_bulletin_titled_with_its_year_dates_its_undated_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2023年上饶市国民经济和社会发展统计公报\n上饶市统计局\n一、综合\n"
                                              "初步核算，全年全市地区生产总值3401.2亿元，比上年增长4.6%。\n二、农业\n"
                                              "全年粮食总产量270.3万吨。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found] == [
        ("上饶市", 3401.2, 2023, "reported"), ("上饶市", 4.6, 2023, "reported"), ("上饶市", 270.3, 2023, "reported")]


def test_a_firm_announcing_its_report_under_its_places_name_is_the_firm(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "4月2日晚间，贵州茅台发布2024年年度报告。报告显示，公司2024年实现营业总收入"
                                              "1741.44亿元，同比增长15.66%。贵州茅台表示将继续推进高质量发展。\n")
    assert [(f["subject"], f["subject_type"], f["value"]) for f in found] == [
        ("贵州茅台", "Enterprise", 1741.44), ("贵州茅台", "Enterprise", 15.66)]


def test_a_work_report_opening_with_its_address_is_on_the_year_of_the_line_after(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "各位代表：现在，我代表市人民政府向大会报告工作，请予审议。\n"
                                              "2023年全市上下团结奋斗 经济社会发展取得新成效\n"
                                              "过去一年，我们攻坚克难。地区生产总值完成3120.6亿元、增长5.8%，"
                                              "签约亿元以上项目215个。保定高新区、保定电谷一批项目落地。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("保定市", 3120.6, 2023), ("保定市", 5.8, 2023), ("保定市", 215, 2023)]


def test_firms_counted_after_an_announcing_verb_are_no_announcer(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "招商银行日前公布了2023年半年度财务数据。上半年，招商银行实现营业收入1762.9亿元，"
                                              "同比下降1.5%。\n对比同业，招商银行的业绩更显稳健，在已披露半年报的12家上市银行中，有7家营收下滑。\n"
                                              "具体来看，该公司净利息收入为1089.3亿元，同比增长1.8%。\n"
                                              "银行业绩分化\n数据显示，在已披露半年报的12家上市银行中，有5家营收增长。\n")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("招商银行", 1762.9), ("招商银行", 1.5), ("招商银行", 1089.3), ("招商银行", 1.8)]


def test_places_listed_before_their_count_are_what_it_counts(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "江苏省数字经济发展规划印发\n江苏省政府日前印发规划。力争到2027年，全省数字经济"
                                              "核心产业增加值达到1.5万亿元。推进无锡江阴、苏州昆山2个国家级试验区建设；"
                                              "打造8个省级示范区；培育30种以上具有国际竞争力的数字产品。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [
        ("江苏省", 1.5, "万亿元", 2027), ("江苏省", 2, "个", 2027), ("江苏省", 8, "个", 2027),
        ("江苏省", 30, "种", 2027)]


def test_a_count_of_things_of_a_rank_and_above_is_a_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "山东省新能源产业发展规划\n力争到2026年，全省新能源产业营业收入达到8000亿元。"
                                              "创新能力显著增强。建设80个省级以上工程研究中心和企业技术中心。"
                                              "支持300人以上企业建设技术中心。\n")
    assert [(f["value"], f["unit"], f["year"]) for f in found] == [(8000, "亿元", 2026), (80, "个", 2026)]


def test_a_sectors_output_among_a_countys_headline_figures_is_the_countys(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "政府工作报告\n——在泰宁县第十八届人民代表大会第二次会议上\n各位代表：\n"
                                              "现在，我代表县人民政府向大会报告工作，请予审议。\n"
                                              "2023年工作回顾\n2023年，全县经济稳中有进。预计全年完成地区生产总值132亿元，增长5.1%；"
                                              "农林牧渔业总产值28亿元，增长4.2%；规模以上工业增加值增长6.3%。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("泰宁县", 132, 2023), ("泰宁县", 5.1, 2023), ("泰宁县", 28, 2023), ("泰宁县", 4.2, 2023), ("泰宁县", 6.3, 2023)]


def test_a_news_items_sections_headed_by_places_are_each_on_their_place(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "中部城市竞逐新能源汽车赛道，长沙剑指百万辆\n新浪财经2023-05-10\n"
                                              "越来越多的中部城市把新能源汽车作为产业进阶的新赛道。\n长沙：2025年新能源汽车产量达100万辆\n"
                                              "日前，长沙出台行动计划。长沙提出，到2025年，全市新能源汽车产量达到100万辆。"
                                              "长沙经开区、望城经开区是长沙的主要汽车产业基地。\n武汉：打造新能源汽车之城\n"
                                              "2022年武汉又推出了《武汉市新能源汽车产业发展规划》，提出到2025年新能源汽车产能超过200万辆，"
                                              "整车企业达到12家。\n")
    assert [(f["subject"], f["value"]) for f in found if f["value"] != 100] == [("武汉市", 200), ("武汉市", 12)]


def test_a_target_a_headline_restates_from_its_body_is_stated_once(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "西部城市竞逐新能源汽车赛道，成都剑指百万辆\n新浪财经2023-06-12\n"
                                              "原标题：西部城市竞逐新能源汽车赛道，成都剑指百万辆\n"
                                              "越来越多的西部城市把新能源汽车作为产业进阶的新赛道。\n成都：2025年新能源汽车产量达100万辆\n"
                                              "日前，成都出台行动计划。成都提出，到2025年，全市新能源汽车产量达到100万辆。\n"
                                              "重庆：到2025年新能源汽车产值突破5000亿元\n《重庆市新能源汽车产业发展规划》提出，到2025年，"
                                              "新能源汽车产业产值突破5000亿元，整车企业达到20家。\n")
    assert [(f["value"], f["year"]) for f in found] == [(100, 2025), (5000, 2025), (20, 2025)]


def test_a_lists_indicator_drops_its_de_so_a_restated_rate_is_stated_once(extractor):
    found = figures(extractor, "2023年上半年，四川GDP增速4.5%，增量达到1200亿元。从增速看，2023年上半年，"
                               "四川、重庆和陕西的GDP增速分别是4.5%、4.6%和3.7%。")
    assert [(f["subject"], f["indicator"], f["value"]) for f in found] == [
        ("四川省", "GDP增速", 4.5), ("四川省", "增量", 1200), ("重庆市", "GDP增速", 4.6), ("陕西省", "GDP增速", 3.7)]


def test_the_place_a_place_leads_is_compared_with(extractor):
    found = figures(extractor, "2023年上半年，四川领先陕西的优势扩大了600亿元。")
    assert [(f["subject"], f["value"]) for f in found] == [("四川省", 600)]


def test_an_amount_in_chinese_numerals_before_its_size_word_is_a_figure_a_size_class_is_not(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "洛阳市推动制造业高质量发展实施方案\n（二）发展目标。到2025年，"
                                              "力争实现全市6大主导产业集群总量超过三千亿规模，打造2个千亿规模产业集群。\n")
    assert [(f["value"], f["unit"], f["comparator"]) for f in found] == [(3000, "亿", "≥"), (2, "个", "=")]


def test_the_change_of_a_markets_value_is_the_markets(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "招商证券上半年经纪业务逆势增长\n新浪财经2023-08-02\n"
                                              "招商证券日前披露了2023年半年度财务数据。上半年，招商证券实现营业收入98.6亿元。\n"
                                              "据统计，今年上半年市场股基日均成交额为0.98万亿元，同比下降5%，交投活跃度有所回落。\n"
                                              "该公司利息净收入为9.6亿元。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("招商证券", 98.6), ("招商证券", 9.6)]


def test_a_parent_named_by_its_subsidiarys_stem_has_its_own_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "国泰君安证券上半年净利增长\n新浪财经2023-08-10\n"
                                              "国泰君安日前公布了旗下子公司国泰君安证券2023年半年度财务数据。上半年，国泰君安证券"
                                              "实现营业收入120.5亿元，同比增长8.1%。\n国泰君安证券的经纪业务表现稳健。"
                                              "分析师认为，国泰君安的业绩将继续增长。\n股价方面，今年以来国泰君安股价上涨了12.6%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("国泰君安证券", 120.5), ("国泰君安证券", 8.1), ("国泰君安", 12.6)]


def test_a_dated_news_items_current_stock_is_of_its_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "杭州数字经济再提速\n新浪财经2023-03-02\n在新基建领域，杭州已累计建成5G基站"
                                              "3.2万个。股价方面，目前海康威视总市值为3100亿元。\n")
    assert [(f["value"], f["unit"], f["year"], f["kind"]) for f in found] == [
        (3.2, "万个", 2023, "reported"), (3100, "亿元", 2023, "reported")]


def test_a_county_level_citys_work_report_is_on_the_city_whose_government_it_names(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "政府工作报告\n——2024年3月1日在巩义市第十届人民代表大会第三次会议上\n"
                                              "巩义市人民政府市长 王某\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"
                                              "一、2023年工作回顾\n过去一年，全年完成地区生产总值700.5亿元、增长5.6%，增速居郑州县(市)第1位；"
                                              "固定资产投资增长8.2%，居郑州县(市)第2位；社会消费品零售总额260.3亿元，居郑州县(市)首位。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("巩义市", 700.5, 2023), ("巩义市", 5.6, 2023), ("巩义市", 8.2, 2023), ("巩义市", 260.3, 2023)]


def test_a_firm_named_after_a_place_word_holding_a_short_form_keeps_its_whole_name(extractor, tmp_path):
    from kg.ingest import read_document

    path = tmp_path / "summary.txt"
    path.write_text("黑龙江北大荒米业集团有限公司\n2023年年度报告摘要\n本公司董事会保证本报告内容真实。\n§4股东持股情况\n"
                    "单位：股\n■\n§5 董事会报告\n2023年公司实现营业收入58.6亿元，比上年增长12.3%；"
                    "公司营业利润3.1亿元，比上年增长8.4%。\n", encoding="utf-8")
    result = printed(extractor.extract(read_document(path)))
    assert "北京大学" not in {e["name"] for e in result["entities"]}  # 北大|荒: not the university's short form
    assert [(f["subject"], f["value"], f["unit"]) for f in result["targets"]] == [
        ("黑龙江北大荒米业集团有限公司", 58.6, "亿元"), ("黑龙江北大荒米业集团有限公司", 12.3, "%"),
        ("黑龙江北大荒米业集团有限公司", 3.1, "亿元"), ("黑龙江北大荒米业集团有限公司", 8.4, "%")]  # not §4|股东


def test_a_bulletins_sown_area_in_thousands_of_hectares_is_a_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2023年祁东县国民经济和社会发展统计公报\n二、农业\n"
                                              "全年油菜播种面积52.31千公顷，增加0.42千公顷，增长0.8%。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [
        ("祁东县", 52.31, "千公顷", 2023), ("祁东县", 0.42, "千公顷", 2023), ("祁东县", 0.8, "%", 2023)]


def test_the_items_of_a_list_are_of_the_year_its_lead_names_before_its_colon(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "成都重大项目计划发布\n新浪财经 2023-03-08\n"
                                              "根据安排，2023年成都市重点项目聚焦产业、交通、民生三个方面：\n"
                                              "产业类项目420个，总投资8120.5亿元。\n交通类项目150个，总投资3310.2亿元。\n"
                                              "民生类项目230个，总投资2050.8亿元。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("成都市", 420, 2023), ("成都市", 8120.5, 2023), ("成都市", 150, 2023), ("成都市", 3310.2, 2023),
        ("成都市", 230, 2023), ("成都市", 2050.8, 2023)]


def test_the_investment_in_sectors_after_a_sectors_own_growth_is_the_places(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2023年1-6月苏州经济运行情况\n2023年1-6月，全市固定资产投资同比增长3.1%。\n"
                                              "分行业看，信息传输、软件和信息技术服务业同比增长41.2%，交通运输、仓储和邮政业"
                                              "投资同比增长12.6%，文化、体育和娱乐业投资同比增长9.4%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("苏州市", 3.1), ("信息传输、软件和信息技术服务业", 41.2), ("苏州市", 12.6), ("苏州市", 9.4)]


def test_a_pages_block_printed_twice_states_its_figures_once(extractor, tmp_path):
    lead = ("6月2日，杭州市发布《杭州市国民经济和社会发展第十四个五年规划纲要》，提出到2025年全市地区生产总值"
            "将达到2.5万亿元，研发经费投入强度达到3.8%左右。\n")
    found = read_figures(extractor, tmp_path, "杭州“十四五”规划纲要发布\n" + lead + lead + "到2025年，人均预期寿命达到83岁。\n")
    assert [(f["value"], f["unit"]) for f in found] == [(2.5, "万亿元"), (3.8, "%"), (83, "岁")]


def test_qizhong_breaks_down_figures_a_few_sentences_back(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "东莞经济运行简析\n新浪财经 2023-12-20\n"
                                              "今年1-11月，全市规模以上工业增加值同比增长3.9%。全市34个工业行业大类中，21个行业"
                                              "增加值同比增长。其中，专用设备制造业、金属制品业增加值同比分别增长12.4%、8.7%。\n")
    # the counts of branches (34个, 21个) are dated by the lead's 今年1-11月 too: optional in the golds (blind22t)
    assert [(f["subject"], f["value"], f["year"]) for f in found if f["unit"] == "%"] == [
        ("东莞市", 3.9, 2023), ("专用设备制造业", 12.4, 2023), ("金属制品业", 8.7, 2023)]


def test_a_paragraph_after_one_naming_months_of_a_year_goes_on_with_them(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "佛山经济运行简析\n新浪财经 2023-12-22\n"
                                              "今年1-11月，全市进出口总额5120.3亿元，同比增长6.2%。\n"
                                              "贸易结构持续优化。一般贸易进出口增长9.1%，占进出口总额的比重为71.5%。\n")
    assert [(f["value"], f["year"]) for f in found] == [(5120.3, 2023), (6.2, 2023), (9.1, 2023), (71.5, 2023)]


def test_a_paragraph_after_one_naming_a_whole_year_takes_no_year_from_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "佛山经济简析\n新浪财经 2023-12-22\n"
                                              "2022年，全市进出口总额5120.3亿元。\n五年来，累计引进项目320个。\n")
    assert [(f["value"], f["year"]) for f in found] == [(5120.3, 2022)]


def test_a_countys_lead_over_its_city_is_the_countys_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "政府工作报告\n——2024年1月在延津县第十六届人民代表大会第四次会议上\n各位代表：\n"
                                              "现在，我代表县人民政府向大会报告工作。\n一、2023年工作回顾\n"
                                              "2023年全县地区生产总值完成200.5亿元，同比增长6.2%，高出全市1.3个百分点。"
                                              "固定资产投资同比增长12%，高出全市5.1个百分点，增速位居全市第2位。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [
        ("延津县", 200.5, "亿元"), ("延津县", 6.2, "%"), ("延津县", 1.3, "个百分点"), ("延津县", 12, "%"),
        ("延津县", 5.1, "个百分点")]


def test_projects_started_with_one_example_before_them_are_counted_a_list_of_them_is_not(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "政府工作报告\n——2024年2月在巩义市第十届人民代表大会第三次会议上\n"
                                              "巩义市人民政府市长 王某\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n"
                                              "一、2023年工作回顾\n有效投资稳定发力。回郭镇装备制造产业园等96个项目开工建设，"
                                              "宏达纸业等35个项目竣工投产，紫荆路、永安路、杜甫路等12个项目开工建设。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [("巩义市", 96, "个"), ("巩义市", 35, "个")]


WORK_REPORT_NEWS = ("洛阳如何稳住工业基本盘\n新浪财经 2023-02-20\n记者|王某\n"
                    "2月18日，洛阳市人大会议开幕，市长代表市政府作政府工作报告，回顾去年工作，提出今年的主要预期目标。\n")


def test_news_on_a_work_report_dates_the_reports_tasks_naming_no_year_by_the_report(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, WORK_REPORT_NEWS
                         + "洛阳还将全力推动重大项目落地。加大工业投资力度，全年工业投资增长10%以上。\n"
                         + "同时，着力培育市场主体，新增国家高新技术企业300家。\n"
                         + "过去几年，洛阳制造业占比一度低于30%。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [
        ("洛阳市", 10, "%", 2023), ("洛阳市", 300, "家", 2023)]


def test_a_quotation_in_news_on_a_work_report_states_no_task_of_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, WORK_REPORT_NEWS + "“要说洛阳的制造业，占比可能已经不到30%了。”\n")
    assert found == []


def test_a_firm_among_the_projects_a_clause_lists_is_not_the_subject_of_what_follows(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, WORK_REPORT_NEWS
                         + "洛阳还将建成投产中信重工大型铸锻件等项目，开工建设6个百亿级重大工业项目。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [("洛阳市", 6, "个", 2023)]


def test_a_subheading_restating_its_paragraphs_figures_states_them_once(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "洛阳重大项目计划发布\n新浪财经 2023-02-20\n"
                                              "2023年重大项目共安排520个\n"
                                              "根据计划，洛阳市2023年重大项目计划共安排项目520个，总投资8000亿元。\n")
    assert [(f["value"], f["unit"], f["year"]) for f in found] == [(520, "个", 2023), (8000, "亿元", 2023)]


def test_a_bare_万亿_passed_is_one_万亿元_but_not_in_a_class_of_places(extractor):
    found = figures(extractor, "2021年，杭州市地区生产总值突破万亿元，社会消费品零售总额超万亿元。"
                               "2021年，全国GDP超过万亿元的城市有24个。")
    assert [(f["indicator"], f["comparator"], f["value"], f["unit"]) for f in found][:2] == [
        ("地区生产总值", "≥", 1, "万亿元"), ("社会消费品零售总额", "≥", 1, "万亿元")]
    assert all(f["unit"] != "万亿元" for f in found[2:])


def test_a_rate_before_the_last_of_its_list_takes_that_ones_unit_a_range_gives_none(extractor):
    found = figures(extractor, "2022年，祁东县第一产业拉动GDP增长0.6个百分点，第二、三产业分别拉动增长1.8和2.7个百分点，"
                               "出口增长5-10%。")
    assert [(f["value"], f["unit"]) for f in found] == [(0.6, "个百分点"), (1.8, "个百分点"), (2.7, "个百分点")]


def test_a_clause_saying_by_how_much_a_measure_changed_is_that_measures_change(extractor):
    found = figures(extractor, "2022年，祁东县油料播种面积40.12千公顷，增加0.21千公顷，增长0.5%；"
                               "蔬菜播种面积7.35千公顷，增加0.21千公顷，增长2.9%。")
    assert [(f["indicator"], f["value"]) for f in found] == [
        ("油料播种面积", 40.12), ("油料播种面积增加", 0.21), ("油料播种面积增速", 0.5),
        ("蔬菜播种面积", 7.35), ("蔬菜播种面积增加", 0.21), ("蔬菜播种面积增速", 2.9)]


def test_a_county_reports_run_in_review_heading_dates_its_figures_and_its_speaker_names_the_county(
        extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "-【平阳县】2019年平阳县政府工作报告政府工作报告2019年2月20日在平阳县第十届人民代表大会"
                                              "第三次会议上各位代表：现在，我代表平阳县人民政府向大会作工作报告，请予审议。"
                                              "一、2018年工作回顾过去一年，在市委、市政府和县委的坚强领导下，全县经济稳中有进。"
                                              "全年实现地区生产总值430.2亿元，增长7.5%；新增超10亿元企业2家、“专精特新”企业120家。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [
        ("平阳县", 430.2, "亿元", 2018), ("平阳县", 7.5, "%", 2018), ("平阳县", 2, "家", 2018), ("平阳县", 120, "家", 2018)]


def test_a_provincial_reports_plan_period_headings_date_the_review_and_the_targets_under_them(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年青海省政府工作报告\n——2026年1月25日在青海省人民代表大会上\n各位代表：\n"
                                              "我代表省人民政府，向大会报告工作，请予审议。\n“十四五”时期工作回顾\n"
                                              "全省地区生产总值达到4100.2亿元，规模以上工业企业增加到820户。\n"
                                              "“十五五”时期的主要目标任务\n一是高质量发展水平明显提升。全省地区生产总值年均增长5%左右。\n"
                                              "2026年重点工作\n经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found] == [
        ("青海省", 4100.2, 2025, "reported"), ("青海省", 820, 2025, "reported"), ("青海省", 5, 2030, "target"),
        ("青海省", 5.5, 2026, "target")]


def test_a_paragraph_opening_a_sentence_with_its_year_dates_the_measures_after_it_naming_none(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "工业经济稳中向好\n新浪财经 2026-01-22\n"
                         "发言人表示，工业发展呈现三个特点。2025年，规模以上工业增加值同比增长5.6%。"
                         "“进”的步伐持续加快。工业机器人产量同比增长21%，某集团则宣布30亿元投向机器人。\n"
                         "五年来，全国新能源汽车销量年均增长30%。\n")
    assert [(f["value"], f["unit"], f["year"]) for f in found] == [(5.6, "%", 2025), (21, "%", 2025)]


def test_a_year_named_inside_a_sentence_dates_no_later_one(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "路灯市场\n新浪财经 2011-03-01\n"
                         "试点城市已安装约22.2万盏路灯，预计到2011年将达到112万盏。全国路灯产量增长约12%。\n")
    assert [(f["value"], f["year"]) for f in found] == [(112, 2011)]


def test_the_next_task_of_a_list_is_not_of_the_place_the_task_before_it_named(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年青海省政府工作报告\n各位代表：\n我代表省人民政府，向大会报告工作。\n2026年重点工作\n"
                         "持续办好为民实事。一是在8个市州城区和西宁经济技术开发区增补学位1万个。"
                         "二是改造建设50个乡镇综合养老服务中心。三是城镇新增就业6万人。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found][1:] == [
        ("青海省", 50, "个", 2026), ("青海省", 6, "万人", 2026)]
    assert all(f["value"] != 8 for f in found)  # the places counted


def test_a_streak_of_quarters_is_no_figure_and_场次_a_unit(extractor):
    found = figures(extractor, "2025年，青海省经济增速连续12个季度高于全国平均水平，开展促消费活动1.8万场次。")
    assert [(f["value"], f["unit"]) for f in found] == [(1.8, "万场次")]


def test_a_bulletin_titled_with_a_chinese_numeral_year_under_a_pages_path_dates_its_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "首页/ 政务公开/ 统计公报/ 正文\n\n绥德县二〇二三年国民经济和社会发展统计公报\n\n"
                         "绥德县统计局\n\n全年农作物播种面积80.5万亩，较上年增长1.2%。\n"
                         "主要产品产量\n2023年\n较上年增长（%)粮食总产量150230吨0.6其中：谷物90111吨-8.2豆类20310吨3.5\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [
        ("绥德县", 80.5, "万亩", 2023), ("绥德县", 1.2, "%", 2023), ("绥德县", 150230, "吨", 2023),
        ("绥德县", 90111, "吨", 2023), ("绥德县", 20310, "吨", 2023)]


def test_works_counted_by_their_classifier_are_a_figure_a_programmes_name_is_not(extractor):
    found = figures(extractor, "2026年，青海省建设200个乡村全民健身提升工程，深入实施“千万工程”，大力实施“万村千乡”工程。")
    assert [(f["value"], f["unit"]) for f in found] == [(200, "个")]


CITIES_FISCAL = "全国城市首季财力榜\n新浪财经 2023-05-10\n2023年第一季度全国主要城市财政收入已经出炉。\n"


def test_a_report_on_the_first_quarter_dates_its_cities_figures_naming_no_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, CITIES_FISCAL + "其它两个城市分别是温州（5.2%）和嘉兴（4.8%）。"
                                              "上海以8.9%的财政收入增速，排名第一位。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("温州市", 5.2, 2023), ("嘉兴市", 4.8, 2023), ("上海市", 8.9, 2023)]


def test_places_counted_passing_a_bar_state_no_figure_their_tally_neither(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, CITIES_FISCAL + "2023年一季度，财政收入过千亿的城市共有3个，上述城市中共有6个城市财政收入增速超过5%，"
                                              "其它4个城市均低于3%。")
    assert found == []


def test_a_place_compared_with_is_the_subject_of_its_own_value_in_brackets(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, CITIES_FISCAL + "今年一季度无锡经济总量（GDP 3600.2亿元）领先常州（GDP 2400.5亿元）。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("无锡市", 3600.2), ("常州市", 2400.5)]


def test_the_same_period_last_year_opening_a_clause_is_its_time(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, CITIES_FISCAL + "去年同期，鄂尔多斯的一般公共预算收入只有150亿元左右。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("鄂尔多斯市", 150, 2022)]


def test_a_place_a_value_is_compared_with_after_比_is_not_its_subject(extractor):
    found = figures(extractor, "2021年，南宁市GDP为5120.9亿元，比柳州多出1100亿元，增速比桂林高出1.5个百分点，高于柳州的3.2%。")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("南宁市", 5120.9), ("南宁市", 1100), ("南宁市", 1.5), ("柳州市", 3.2)]


def test_a_county_level_citys_bulletin_speaks_for_it_as_全市(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2023年余姚市国民经济和社会发展统计公报\n余姚市统计局\n2024年3月\n"
                                              "初步核算，全年全市实现地区生产总值1580.6亿元，比上年增长6.1%。\n"
                                              "年末全市户籍人口84.2万人。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("余姚市", 1580.6, 2023), ("余姚市", 6.1, 2023), ("余姚市", 84.2, 2023)]


def test_a_county_level_citys_report_titled_by_its_government_speaks_for_it_not_its_prefecture(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "永康市政府工作报告\n——2024年1月在永康市第十七届人民代表大会第四次会议上\n"
                                              "各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2023年工作回顾\n"
                                              "过去一年，全市实现地区生产总值820.6亿元，增长6.5%，增速居金华市第二。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("永康市", 820.6, 2023), ("永康市", 6.5, 2023)]


def test_news_on_a_work_report_dates_its_look_back_on_the_past_year_by_the_year_before(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "浙江新闻：温州市政府工作报告解读\n2024-01-25\n"
                                              "1月24日，温州市人大会议开幕，市长代表市政府作政府工作报告。\n"
                                              "过去一年，温州地区生产总值达到8730.6亿元，增长6.9%。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("温州市", 8730.6, 2023), ("温州市", 6.9, 2023)]


def test_a_firm_titling_its_annual_report_with_no_verb_is_the_news_topic(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "千禾味业2023年年报：净利润增长\n证券时报 2024-03-29\n"
                                              "千禾味业发布2023年年度报告。报告期内，公司实现营业收入32.1亿元，同比增长26.6%。\n")
    assert {(f["subject"], f["value"], f["year"]) for f in found} == {("千禾味业", 32.1, 2023), ("千禾味业", 26.6, 2023)}


def test_公司_in_news_on_a_firms_results_is_that_firm_not_the_sector_it_names(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "长城汽车2023年营收增长\n新浪财经 2024-03-27\n"
                                              "3月26日晚，长城汽车发布2023年年报。2023年，长城汽车实现营业收入1732.1亿元，"
                                              "同比增长26.1%。公司全年新能源汽车销量25.6万辆。\n")
    assert [(f["subject"], f["value"]) for f in found][-1] == ("长城汽车", 25.6)


def test_a_statistics_release_naming_the_work_reports_target_in_passing_is_no_news_on_the_report(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2023年国民经济回升向好\n新浪财经 2024-01-18\n"
                                              "1月17日，国家统计局发布数据，与政府工作报告提出的5%左右的预期目标相比，经济运行总体回升。\n"
                                              "全年新增城镇就业1244万人。\n")
    assert all(f["year"] != 2024 for f in found)


def test_a_bare_亿_after_a_measure_of_money_is_亿元_but_not_after_people(extractor):
    found = figures(extractor, "2022年，榆林市一般公共预算收入只有120亿左右，常住人口360万。")
    assert [(f["value"], f["unit"]) for f in found] == [(120, "亿元"), (360, "万")]


def test_two_short_lines_with_the_same_rate_are_two_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2023年祁东县国民经济和社会发展统计公报\n祁东县统计局\n"
                                              "猪肉产量增长4.4%\n禽蛋产量增长4.4%\n")
    assert [(f["indicator"], f["value"]) for f in found] == [("猪肉产量", 4.4), ("禽蛋产量", 4.4)]


def test_every_sentence_of_a_paragraph_after_one_naming_months_goes_on_with_them(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "佛山经济运行简析\n新浪财经 2023-12-22\n"
                                              "今年1-11月，全市进出口总额5120.3亿元，同比增长6.2%。\n"
                                              "贸易结构持续优化。一般贸易进出口增长9.1%。主要产品出口额快速增长，其中机电产品出口同比增长12.4%。\n")
    assert [(f["value"], f["year"]) for f in found] == [(5120.3, 2023), (6.2, 2023), (9.1, 2023), (12.4, 2023)]


def test_a_title_locating_a_county_level_city_by_its_prefecture_is_on_the_city(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "绍兴诸暨：经济稳中有进\n浙江新闻 2023-07-28\n"
                                              "上半年，诸暨市实现地区生产总值810.5亿元，同比增长6.5%，增速居绍兴市第一。"
                                              "全市进出口总额700.3亿元，增长12.1%。\n")
    assert {f["subject"] for f in found} == {"诸暨市"} and len(found) == 4


def test_a_colon_in_brackets_leads_no_list(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "德阳市经济简况\n新浪财经 2023-03-08\n"
                                              "资料显示，德阳市1998年起施行重点项目制度（依据：德府发〔1998〕5号）。\n"
                                              "产业类项目420个，总投资812.5亿元。\n")
    assert all(f["year"] != 1998 for f in found)


def test_a_year_of_account_opening_a_clause_is_the_year_of_its_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "德阳市经济简况\n新浪财经 2023-03-08\n"
                                              "2022年度，德阳市实现地区生产总值2816.9亿元，一般公共预算收入165.2亿元。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("德阳市", 2816.9, 2022), ("德阳市", 165.2, 2022)]


def test_results_estimated_in_news_on_a_work_report_are_of_the_year_it_reviews(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "武定县人民政府\n首页 >> 新闻动态\n\n《政府工作报告》摘要:2022年 全县目标任务全面完成\n\n"
                                              "日期:2023年01月18日   来源:武定县融媒体中心\n\n"
                                              "1月16日,武定县县长在作《政府工作报告》时,对2022年工作作了全面回顾。\n\n"
                                              "据统计预测,全县地区生产总值增长8.2%达136.5亿元,一般公共预算收入增长5%达7.3亿元。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found] == [
        ("武定县", 8.2, 2022, "reported"), ("武定县", 136.5, 2022, "reported"),
        ("武定县", 5, 2022, "reported"), ("武定县", 7.3, 2022, "reported")]


def test_a_paragraph_opening_on_预计_in_news_on_a_work_report_estimates_the_year_it_reviews(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "宝安区政府工作报告\n编辑:李明2019-01-22 10:30\n"
                                              "1月22日上午,宝安区人民代表大会会议开幕,区长作政府工作报告,"
                                              "他指出,今年要重点抓好六个方面的工作。\n"
                                              "一年以来,区政府统筹推进各项工作,圆满完成了全年目标任务。\n"
                                              "预计地区生产总值超过3600亿元,增长7.5%左右;新增国家高新技术企业800家,增长30%。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found] == [
        ("宝安区", 3600, 2018, "reported"), ("宝安区", 7.5, 2018, "reported"),
        ("宝安区", 800, 2018, "reported"), ("宝安区", 30, 2018, "reported")]


def test_a_short_lead_before_the_plan_quoted_with_its_goal_year_dates_the_paragraphs_later_goals(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "近日,《芜湖市数字经济发展规划》正式印发。\n"
                                              "主要指标方面,《规划》提出,到2025年,全市数字经济核心产业增加值占GDP比重达到12%。"
                                              "建成5G基站1.2万个,大数据企业超过800家。\n")
    assert [(f["value"], f["unit"], f["year"], f["kind"]) for f in found] == [
        (12, "%", 2025, "target"), (1.2, "万个", 2025, "target"), (800, "家", 2025, "target")]


def test_panels_counted_in_片_are_a_unit_but_not_a_片区(extractor):
    found = figures(extractor, "2024年，成都市液晶面板1.35亿片，同比增长12.5%；划定3片区开展试点。")
    assert [(f["indicator"], f["value"], f["unit"]) for f in found] == [
        ("液晶面板", 1.35, "亿片"), ("液晶面板增速", 12.5, "%")]


def test_a_work_report_spoken_for_an_autonomous_regions_government_is_the_provinces_not_a_countys(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "政府工作报告\n——2025年1月20日在宁夏回族自治区第十三届人民代表大会第四次会议上\n"
                                              "各位代表:\n现在,我代表自治区人民政府,向大会报告工作。\n一、2024年工作回顾\n"
                                              "过去一年,我们对标对表宁夏的目标任务,狠抓落实。地区生产总值增长5.5%左右,"
                                              "粮食产量突破百万吨大关,达到380.6万吨,中卫市旅游人次增长12%。\n")
    assert [(f["subject"], f["value"]) for f in found if f["value"] in (5.5, 380.6)] == [
        ("宁夏回族自治区", 5.5), ("宁夏回族自治区", 380.6)]


def test_firm_news_whose_全国_is_a_firms_reach_and_names_the_country_in_passing_speaks_for_no_region(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "一季度房企销售下滑 促销战打响\n2016-04-18\n"
                                              "房企一季度销售业绩已经陆续公布，今年一季度，TOP30的房企仅8家实现业绩同比增长。\n"
                                              "此外，一季度多家企业的利润跌幅超过40%。\n"
                                              "龙湖地产集团有限公司昨日宣布，全国所有楼盘住宅从4月18日起实施无理由退房。\n"
                                              "“对于中国的房地产市场来说，这是一个信号。”分析师表示。\n")
    assert all(f["subject"] != "中国" for f in found), found


def test_the_parts_of_a_plans_frame_counted_are_no_figures(extractor):
    found = figures(extractor, "到2025年，芜湖市将围绕建设创新型城市1个总体目标，把科创走廊作为1个总抓手，"
                               "围绕2条主线，建成5G基站1.2万个。")
    assert [(f["value"], f["unit"]) for f in found] == [(1.2, "万个")]


def test_a_changes_words_taken_for_a_firm_are_no_subject(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "房企一季度销售下滑\n2016-04-18\n"
                                              "其中融信公布，截至2016年3月31日止三个月，集团共实现合同销售金额约88.6亿元，"
                                              "同比下跌21.45%。\n")
    assert all(f["subject"] != "同比" for f in found), found


def test_the_farming_branches_a_bulletin_breaks_its_gross_output_into_are_the_countys(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2023年祁东县国民经济和社会发展统计公报\n祁东县统计局\n二、农业\n"
                                              "全年农林牧渔业总产值120.5亿元,比上年增长3.9%,其中:林业产值6.1亿元,增长8.2%,"
                                              "牧业产值40.2亿元,增长2.1%,农林牧渔专业及辅助性活动产值2.7亿元,增长4.4%。\n")
    assert {f["subject"] for f in found} == {"祁东县"} and len(found) == 8


def test_a_bulletins_sector_lines_are_the_countys_accounts_past_the_sentence_of_its_product(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2019年宁远县国民经济和社会发展统计公报\n宁远县统计局\n一、综合\n"
                                              "初步核算,全年全县地区生产总值215680万元,比上年增长8.1%。其中:第二产业增加值"
                                              "60211万元,增长7.2%;建筑业增加值完成18452万元,同比增长4.6%。\n二、农业\n"
                                              "农业增加值30215万元,同比增长5.3%。全年畜牧业增加值12108万元,比上年同期增长2.4%。\n")
    assert {(f["subject"], f["value"]) for f in found if f["value"] in (18452, 4.6, 30215, 5.3, 12108, 2.4)} == {
        ("宁远县", 18452), ("宁远县", 4.6), ("宁远县", 30215), ("宁远县", 5.3), ("宁远县", 12108), ("宁远县", 2.4)}


def test_a_bulletins_service_sections_of_its_product_are_the_countys_accounts(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2021年安远县国民经济和社会发展统计公报\n安远县统计局\n一、综合\n"
                                              "全年全县地区生产总值684520万元,比上年增长7.6%。其中,建筑业增加值51230万元,"
                                              "比上年增长6.1%;批发和零售业增加值40418万元,比上年增长4.2%;交通运输、仓储和邮政业"
                                              "增加值21077万元,比上年增长5.5%;金融业增加值30962万元,比上年增长6.8%;"
                                              "其他服务业增加值150233万元,比上年增长9.9%。\n")
    assert {f["subject"] for f in found} == {"安远县"} and len(found) == 12


def test_a_firm_announcing_its_results_with_its_stock_code_is_the_subject_of_its_lines_and_shares(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "财经网讯,华康药业(002881.SZ)发布2023年年度报告,报告期内,集团实现营业收入人民币"
                                              "32.6亿元,同比增长4.1%。基本每股收益1.3元。拟向全体股东每10股派发现金股利人民币5.20元"
                                              "(含税)。\n报告期内,本集团生物制品实现销售收入人民币12.4亿元,同比增长8.2%,"
                                              "占集团营业收入的38.04%。\n本年度,集团中药产品实现销售收入人民币9.1亿元,"
                                              "占本集团营业收入的27.91%。\n")
    assert {f["subject"] for f in found} == {"华康药业"}
    assert {f["value"] for f in found} >= {1.3, 5.2, 12.4, 8.2, 38.04, 9.1, 27.91}


def test_values_a_change_moved_to_in_the_clause_of_its_starting_year_are_not_of_that_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年青海省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，"
                                              "请予审议。\n一、2025年工作回顾\n民生支出持续增加，城乡居民人均可支配收入从"
                                              "2021年的37745元和13604元分别提高到46891元和17952元。\n")
    assert {(f["value"], f["year"]) for f in found} == {(37745, 2021), (13604, 2021), (46891, 2025), (17952, 2025)}


def test_how_far_a_work_report_raised_an_allowances_standard_is_a_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年青海省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，"
                                              "请予审议。\n一、2025年工作回顾\n牧民草原生态保护补助标准再提高300元。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [("青海省", 300, "元", 2025)]


def test_a_count_of_thresholds_named_by_a_bare_chinese_magnitude_is_no_value(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年青海省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，"
                                              "请予审议。\n一、2025年工作回顾\n地区生产总值年均增长5.8%，五年跨越三个百亿元台阶。\n")
    assert [(f["value"], f["unit"]) for f in found] == [(5.8, "%")]


def test_one_value_双双_says_of_two_places_is_each_ones(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "前三季度各省经济数据出炉\n2021-10-28\n"
                                              "四川、湖北前三季度GDP双双突破3万亿元，福建达到3.5万亿元。\n")
    assert sorted((f["subject"], f["value"]) for f in found) == [("四川省", 3), ("湖北省", 3), ("福建省", 3.5)]


def test_a_place_a_figure_only_qualifies_or_locates_is_not_carried_to_the_next_sentence(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年甘肃省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"
                                              "一、2025年工作回顾\n总投资近500亿元的酒泉清洁能源基地开工建设，"
                                              "2座光热发电项目分别在酒泉、张掖开工。新能源装机规模超6000万千瓦，装机占比超65%。\n")
    assert [(f["subject"], f["value"]) for f in found if f["value"] in (6000, 65)] == [("甘肃省", 6000), ("甘肃省", 65)]


def test_a_belt_whose_带_is_the_verb_带动_is_no_place(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年甘肃省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"
                                              "一、2025年工作回顾\n甘肃牛肉面产业带动力不断增强，特色劳务品牌培育壮大，带动就业超30万人次。"
                                              "为1.2万名劳动者追回工资1.5亿元。城镇新增就业5.2万人。\n")
    assert {f["subject"] for f in found} == {"甘肃省"} and len(found) == 4


def test_全国_in_news_on_the_provinces_is_the_country(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "一季度各省GDP：湖南领跑中部\n新浪财经 2022-04-28\n"
                                              "已有25个省份公布了一季度GDP数据，湖南增速居中部首位。\n"
                                              "国家统计局公布的数据显示，一季度，全国居民人均可支配收入10345元，比上年名义增长6.3%。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("中国", 10345, 2022), ("中国", 6.3, 2022)]


def test_a_rate_said_again_with_only_its_time_or_rank_is_stated_once(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "一季度各省GDP：湖南领跑中部\n新浪财经 2022-04-28\n"
                                              "从GDP同比增速来看，共有20个省份增速高于4.8%的全国水平，其中湖南（6.5%）、福建（6.3%）位列前三。\n"
                                              "增速方面，湖南以6.5%领跑全国。\n值得注意的是，湖南一季度高达6.5%，增速暂居全国第一。\n")
    assert [(f["subject"], f["value"]) for f in found if f["subject"] == "湖南省"] == [("湖南省", 6.5)]


def test_a_rate_of_another_part_of_the_year_than_the_titles_is_its_own_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "前三季度国民经济运行稳中有进\n国家统计局 2024-10-18 10:15\n"
                                              "前三季度，各地区各部门深入贯彻落实党中央决策部署，全国经济运行总体平稳。\n"
                                              "初步核算，前三季度国内生产总值949746亿元，同比增长4.8%。第三产业增加值530651亿元，增长4.7%。"
                                              "分季度看，一季度国内生产总值同比增长5.3%，二季度增长4.7%，三季度增长4.6%。\n")
    assert [f["value"] for f in found if f["unit"] == "%"] == [4.8, 4.7, 5.3, 4.7, 4.6]


def test_a_newspaper_pages_head_date_dates_the_report_it_prints(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "版次:03 作者:张明 李华2022年7月25日\n美丽的青川 记者 王强 摄\n"
                                              "本报讯(记者 张明 通讯员 李华)日前,从县统计局获悉,上半年,全县实现地区生产总值215.3亿元,"
                                              "同比增长5.2%,增速比全市和全省分别高1.1、0.8个百分点。\n"
                                              "今年以来,全县坚持稳中求进工作总基调,推动全县经济结构持续向优、增长动能持续增强、"
                                              "发展态势持续向好,主要指标增速稳步回升,市场主体活力不断增强。\n"
                                              "下一步,全县将继续做好稳增长、稳就业、稳物价工作,推动经济运行保持在合理区间,"
                                              "为全年目标任务的完成打下坚实基础,确保社会大局和谐稳定。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found][:2] == [("青川县", 215.3, 2022), ("青川县", 5.2, 2022)]


def test_goals_listed_after_dashes_are_targets_of_the_year_the_lead_sets_them_for(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "杭州出台制造业高质量发展行动计划\n时间:2023-07-10 10:00:00 来源: 浙江新闻\n\n"
                                              "7月10日，杭州市人民政府印发行动计划，其中提到，到2025年，工业增加值超过6000亿元。\n\n"
                                              "——创新能力大幅提升。规模以上工业企业研发投入强度达3.5%，数字经济核心产业增加值达7000亿元。\n\n"
                                              "——绿色转型成效明显。规模以上工业单位增加值能耗下降15%。\n")
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [
        (6000, 2025, "target"), (3.5, 2025, "target"), (7000, 2025, "target"), (15, 2025, "target")]


def test_what_a_rates_unit_is_per_is_part_of_its_unit(extractor):
    found = figures(extractor, "到2025年，杭州市工业劳动生产率超过45万元/人，工业机器人使用密度达300台/万人。")
    assert [(f["value"], f["unit"]) for f in found] == [(45, "万元/人"), (300, "台/万人")]


def test_a_rough_count_of_projects_started_after_examples_is_the_regions(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年甘肃省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"
                                              "一、2025年工作回顾\n兰石重装智能制造基地、金川镍钴新材料、酒钢不锈钢深加工等900多个新项目开工；"
                                              "天水华天封装测试等80多个高科技项目投产。\n")
    assert [(f["subject"], f["comparator"], f["value"], f["indicator"]) for f in found] == [
        ("甘肃省", "≥", 900, "新项目开工"), ("甘肃省", "≥", 80, "高科技项目投产")]


def test_the_报告期_of_a_firms_report_on_a_year_of_account_is_that_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "佩蒂股份发布首份年度ESG报告\n证券时报网 2025-06-07\n"
                                              "6月7日晚间，佩蒂股份（300673）首次披露年度ESG报告，从2024年度的经营业绩、合规治理等方面"
                                              "展示了佩蒂股份的发展。\n资料显示，佩蒂股份成立于 2002 年，主营业务为宠物食品的生产及销售。\n"
                                              "数据显示，截至报告期末，公司总资产35.2亿元，员工约5000人。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("佩蒂股份", 35.2, 2024), ("佩蒂股份", 5000, 2024)]


def test_an_amount_right_after_较上年_before_its_growth_is_last_years(extractor):
    found = figures(extractor, "2023年，蓝田县一般公共预算收入35120万元，较上年32650万元增长7.6%。")
    assert [(f["value"], f["year"]) for f in found] == [(35120, 2023), (32650, 2022), (7.6, 2023)]


def test_a_share_after_a_firms_name_and_的_is_the_firms(extractor):
    found = figures(extractor, "2021年上半年，全球动力电池市场中，宁德时代以市占率 30% 居首，第二三名分别是比亚迪的 16% 和中航锂电集团的 12%。")
    assert [(f["subject"], f["value"]) for f in found] == [("宁德时代", 30), ("比亚迪", 16), ("中航锂电集团", 12)]


def test_a_place_an_earlier_clause_has_doing_something_else_is_not_carried_to_the_next_sentence(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年甘肃省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"
                                              "一、2025年工作回顾\n文旅融合持续推进，兰州新区启动规划和建设，河西走廊自驾游持续火爆，"
                                              "莫高窟景区提质升级，旅游人次增长18%。城镇新增就业3.1万人。\n")
    assert [(f["subject"], f["value"]) for f in found if f["value"] == 3.1] == [("甘肃省", 3.1)]


@pytest.mark.parametrize("clause, value, unit", [
    ("全省绿电外送突破300亿度", 300, "亿度"), ("天然气产能达到15亿方", 15, "亿方"),
    ("农作物种质资源总量突破40万份", 40, "万份"), ("建成标准机架3万架", 3, "万架"),
])
def test_electricity_in_度_gas_in_方_and_counts_in_份_and_架(extractor, clause, value, unit):
    figure = only(extractor, f"2025年，甘肃省{clause}。")
    assert (figure["value"], figure["unit"]) == (value, unit)


def test_a_space_a_page_prints_after_a_decimal_point_is_inside_the_number(extractor):
    figure = only(extractor, "2023年，西安市地区生产总值超1. 2万亿元。")
    assert (figure["value"], figure["unit"]) == (1.2, "万亿元")


def test_a_bulletin_under_a_pages_record_table_is_dated_by_its_title(extractor, tmp_path):
    found = read_figures(extractor, tmp_path,
                         "[ 索引号 ] | 11500230000000000X/2024-00012 | [ 发文字号 ] | |\n"
                         "[ 主题分类 ] | 统计 | [ 体裁分类 ] | 统计公报 |\n"
                         "[ 发布机构 ] | 城口县统计局 | [ 有效性 ] | |\n"
                         "[ 成文日期 ] | 2024-03-20 | [ 发布日期 ] | 2024-03-20 |\n"
                         "城口县2023年国民经济和社会发展统计公报\n一、综合\n"
                         "初步核算，全年全县实现地区生产总值68.2亿元，同比增长6.1%。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [
        ("城口县", 68.2, "亿元", 2023), ("城口县", 6.1, "%", 2023)]


def test_a_bulletin_under_a_pages_menu_and_breadcrumb_is_dated_by_its_title(extractor, tmp_path):
    found = read_figures(extractor, tmp_path,
                         "• 手机版\n\n  • 官方微博\n\n当前位置: 平遥>新闻\n\n平遥县2024年国民经济和社会发展统计公报\n\n"
                         "平遥县统计局\n\n来源:平遥日报时间:2025-03-28\n\n(2025年3月27日)\n\n一、综 合\n\n"
                         "初步核算，全年全县地区生产总值180.6亿元，比上年增长3.1%。全年全县出生人口1520人。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [
        ("平遥县", 180.6, "亿元", 2024), ("平遥县", 3.1, "%", 2024), ("平遥县", 1520, "人", 2024)]


def test_places_an_untitled_lead_lists_as_examples_are_not_the_one_its_全市_speaks_for(extractor, tmp_path):
    found = read_figures(extractor, tmp_path,
                         "2024年以来，各地加力落实各项政策措施。本报特约请广州、深圳、珠海、佛山等地方工业主管部门撰稿。\n"
                         "2024年是实现“十四五”规划目标的关键一年。广州市坚持稳中求进，产业经济持续回升向好。\n"
                         "（一）实体经济企稳向好。2024年1—11月全市规模以上工业增加值增长5.2%，超过全国增速。"
                         "创建86家市级企业技术中心。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("广州市", 5.2, 2024), ("广州市", 86, 2024)]


def test_a_days_tally_of_an_epidemics_cases_is_no_figure_a_years_total_is(extractor):
    found = figures(extractor, "2022年一季度，无锡市实现地区生产总值3400亿元。3月9日发现5人核酸检测结果呈阳性，"
                               "3月12日又报告新增12例阳性感染者，其中江阴市3例，宜兴市9例。"
                               "2020年，无锡市累计报告确诊病例68例，治愈率达99.8%。")
    assert [(f["value"], f["unit"]) for f in found] == [(3400, "亿元"), (68, "例"), (99.8, "%")]


def test_a_year_of_同期_opening_its_clause_is_its_figures_own(extractor):
    found = figures(extractor, "2021年1-2月，福建省规模以上工业增加值同比增长38.5%，比2019年同期增长9.3%，主要原因是受疫情影响，"
                               "2020年同期规模以上工业增加值同比下降19.6%；2013-2018年同期规模以上工业增加值平均增速为8.2%。")
    assert [(f["value"], f["year"]) for f in found] == [(38.5, 2021), (9.3, 2021), (19.6, 2020), (8.2, 2018)]


def test_a_firm_a_wires_dateline_announces_by_its_short_name_and_stock_code_has_its_results(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "格隆汇3月28日丨申达(600626.SH)发布2023年度业绩报告，报告期内公司实现营业收入"
                                              "148.3亿元，同比增长11.2%；基本每股收益0.39元。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [
        ("申达", 148.3, "亿元", 2023), ("申达", 11.2, "%", 2023), ("申达", 0.39, "元", 2023)]


def test_a_firms_interim_results_naming_no_year_are_of_the_year_of_the_pages_date(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "原料药价格回落千红制药净利下滑\n发布时间：2012-08-02 发布人：-某某晚报\n\n"
                                              "昨晚千红制药发布了中期业绩快报，预计营收为6.2亿元，同比降8%；净利润为1.1亿元。\n"
                                              "公司表示，营收同比下降，主要系期内产品售价较上年同期下降所致；净利润同比下降，主要系产品"
                                              "售价和原料采购价均有下降，但营业成本的下降幅度较销售价格下降幅度小所致。\n"
                                              "去年以来，公司主要产品的毛利率持续下降。今年一季度，公司净利润为0.52亿元。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("千红制药", 6.2, 2012), ("千红制药", 8, 2012), ("千红制药", 1.1, 2012), ("千红制药", 0.52, 2012)]


def test_a_year_a_margin_is_above_is_compared_with_not_its_own(extractor):
    found = figures(extractor, "2021年1—8月，甘肃省重大项目投资完成率61.2%，高于去年投资时序进度2.6个百分点。")
    assert [(f["value"], f["year"]) for f in found] == [(61.2, 2021), (2.6, 2021)]


def test_a_tally_of_the_projects_named_after_it_by_place_is_no_figure(extractor):
    found = figures(extractor, "2021年1—8月，甘肃省重大项目开工率92.1%。投资完成率前五名项目，按责任单位划分分别是："
                               "天水市1个，天水市污水处理厂提标改造工程；平凉市2个，平凉市静宁县苹果产业园项目和"
                               "华亭煤业集团有限公司选煤厂改造项目；庆阳市新开工项目2个。")
    assert [(f["subject"], f["value"]) for f in found] == [("甘肃省", 92.1), ("庆阳市", 2)]


def test_industries_listed_as_the_members_of_a_group_counted_are_not_its_subject(extractor):
    found = figures(extractor, "2022年一季度，苏州市电子信息、装备制造、先进材料和生物医药四大产业创新集群产值同比增长10.8%。"
                               "2022年，无锡市物联网、集成电路和生物医药三大产业产值分别增长12%、15%和9%。")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("苏州市", 10.8), ("物联网", 12), ("集成电路", 15), ("生物医药", 9)]


def test_the_countrys_rate_a_province_passes_is_the_countrys(extractor):
    found = figures(extractor, "2021年1-2月，江西省固定资产投资两年平均增长6.2%，高于全国同期1.7%的两年平均增速。")
    assert [(f["subject"], f["value"], f["comparator"]) for f in found] == [("江西省", 6.2, "="), ("中国", 1.7, "=")]


def test_a_group_of_provinces_a_title_names_is_the_subject_of_its_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "1-6月西北五省区全社会用电量同比增长12.1%\n新浪财经 2021-07-20\n"
                                              "7月20日消息，从国家电网西北分部获悉，1-6月，西北五省区全社会用电量达2310亿千瓦时，"
                                              "增速较全国高0.6个百分点。分产业看，1-6月，西北五省区第三产业用电量同比增长18.2%，"
                                              "高于去年同期15.3个百分点。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("西北五省区", 12.1, 2021), ("西北五省区", 2310, 2021), ("西北五省区", 0.6, 2021), ("西北五省区", 18.2, 2021),
        ("西北五省区", 15.3, 2021)]


def test_a_rate_followed_by_的增长_is_a_growth(extractor):
    found = figures(extractor, "2021年1-2月，湖南省网络零售额继续实现27.5%的增长，形成2亿元的配套规模。")
    assert [(f["value"], f["unit"]) for f in found] == [(27.5, "%"), (2, "亿元")]


def test_a_sectors_average_growth_after_its_growth_is_the_sectors(extractor):
    found = figures(extractor, "2021年1-2月，浙江省先进制造业增加值增长41.2%，两年平均增长7.1%；高技术制造业增长38.5%，"
                               "两年平均增长7.1%。")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("先进制造业", 41.2), ("先进制造业", 7.1), ("高技术制造业", 38.5), ("高技术制造业", 7.1)]


def test_a_part_of_a_year_a_release_compares_with_is_not_the_part_it_reports_on(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "1-8月宝鸡市投资持续增长\n新浪财经 2021-09-18\n"
                                              "1-8月，宝鸡市固定资产投资同比增长8.1%，比2019年1-8月增长15.2%。\n")
    assert [(f["value"], f["year"]) for f in found] == [(8.1, 2021), (15.2, 2021)]


def test_a_work_reports_review_heading_naming_no_year_reviews_the_year_before_its_date(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年辽宁省政府工作报告\n时间：2026-01-30\n各位代表：\n"
                                              "现在，我代表省政府，向大会报告工作，请予审议。\n一、工作回顾\n"
                                              "我们顶压前行，地区生产总值增长5.1%，城镇新增就业45.2万人。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found] == [
        ("辽宁省", 5.1, 2025, "reported"), ("辽宁省", 45.2, 2025, "reported")]


def test_the_sector_of_a_breakdown_is_not_the_subject_of_the_clauses_after_it(extractor):
    found = figures(extractor, "到2030年，辽宁省地区生产总值年均增长5%以上，其中制造业增加值占比30%左右，"
                               "常住人口城镇化率达到75%。")
    assert [(f["subject"], f["value"]) for f in found] == [("辽宁省", 5), ("制造业", 30), ("辽宁省", 75)]


def test_values_分别_pairs_with_the_list_of_its_own_clause_not_the_names_of_the_clause_before(extractor):
    found = figures(extractor, "2026年，辽宁省加力发展林下经济、棚膜经济，人参、食用菌全产业链产值分别达到900亿元、80亿元。")
    assert [(f["subject"], f["value"]) for f in found] == [("辽宁省", 900), ("辽宁省", 80)]


def test_a_page_in_traditional_characters_is_read_in_simplified_ones_with_its_offsets(extractor, tmp_path):
    text = ("2023年是全面貫徹黨的二十大精神的開局之年，全縣上下真抓實幹，推動經濟持續恢復向好。\n"
            "根據統一核算結果，2023年全縣生產總值388.6億元，同比增長6.1%。全年全縣糧食播種面積52.4萬畝。\n")
    found = read_figures(extractor, tmp_path, text)
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [
        ("全县", 388.6, "亿元", 2023), ("全县", 6.1, "%", 2023), ("全县", 52.4, "万亩", 2023)]
    assert found[0]["indicator"] == "生产总值" and found[0]["evidence"] == "根據統一核算結果，2023年全縣生產總值388.6億元，同比增長6.1%。"


def test_a_county_page_in_traditional_characters_naming_only_its_province_speaks_for_the_county(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2023年，全縣上下全面貫徹習近平總書記關於安徽工作的重要講話精神，高質量發展紮實推進。\n"
                                              "2023年，全縣固定資產投資增長11.4%，高於全市3.4個百分點。全縣社會消費品零售總額217.1億元。\n")
    assert {f["subject"] for f in found} == {"全县"} and [f["value"] for f in found] == [11.4, 3.4, 217.1]


def test_the_county_a_traditional_page_never_names_keeps_its_mentions_as_printed(extractor, tmp_path):
    from kg.ingest import read_document

    path = tmp_path / "text.txt"
    path.write_text("2023年，全縣經濟穩中向好。\n2023年，全縣生產總值221.2億元，增長5.0%。全縣人均生產總值29883元。\n",
                    encoding="utf-8")
    home = next(e for e in printed(extractor.extract(read_document(path)))["entities"] if e["name"] == "全县")
    assert {m["text"] for m in home["mentions"]} == {"全縣"}


def test_a_growth_compared_with_last_year_is_of_this_year_and_of_the_measure_before_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2023年是經濟恢復發展的一年，全縣經濟穩中向好。\n二、農林牧漁業\n"
                                              "2023年全年實現農林牧漁業總產值81.10億元，同比增長3.9%。\n"
                                              "全縣糧食播種面積81.46萬畝，同比增長1.6%；全縣油料播種面積34.68萬畝，產量3.78萬噸，"
                                              "與去年增長10.9%。\n")
    assert [(f["indicator"], f["value"], f["year"]) for f in found][-3:] == [
        ("油料播种面积", 34.68, 2023), ("产量", 3.78, 2023), ("产量增速", 10.9, 2023)]


def test_a_value_a_firm_is_ranked_by_is_its_measures(extractor):
    found = figures(extractor, "2023年，科创板方面，华晶能源股份有限公司以64.4亿元的净利润排名第一；创业板方面，"
                               "宏达新能源科技股份有限公司以341.2亿元的净利润高居第一。")
    assert [(f["subject"], f["indicator"], f["value"]) for f in found] == [
        ("华晶能源股份有限公司", "净利润", 64.4), ("宏达新能源科技股份有限公司", "净利润", 341.2)]


def test_one_value_said_of_each_firm_listed_is_each_ones(extractor):
    found = figures(extractor, "2023年，中国农业银行、中国银行均以超2000亿元的净利润位居前列。")
    assert sorted((f["subject"], f["comparator"], f["value"], f["unit"]) for f in found) == [
        ("中国农业银行", "≥", 2000, "亿元"), ("中国银行", "≥", 2000, "亿元")]


def test_changes_given_respectively_after_each_firms_own_value_are_theirs_in_order(extractor):
    found = figures(extractor, "其中，中国石油化工集团有限公司2023年实现营收3.21万亿元，中国石油天然气集团有限公司"
                               "实现营收3.01万亿元，较2022年分别下降3.19%和7.04%。")
    assert [(f["subject"], f["value"]) for f in found if f["unit"] == "%"] == [
        ("中国石油化工集团有限公司", 3.19), ("中国石油天然气集团有限公司", 7.04)]


def test_a_paragraph_on_the_year_of_the_annual_reports_dates_a_measure_its_sentence_names(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "截至4月底，A股5351家公司披露2023年年报。\n"
                                              "上市公司盈利方面，2023年中国农业银行以2694亿元的净利润位居第三。科创板方面，"
                                              "华晶能源股份有限公司以64.4亿元的净利润排名第一。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("中国农业银行", 2694, 2023), ("华晶能源股份有限公司", 64.4, 2023)]


def test_a_firms_line_of_business_is_the_firms(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "中远海发2023年营收156.85亿元\n3月28日晚间，中远海发披露2023年年度报告。\n"
                                              "报告显示，2023年，公司集装箱制造业务实现营业收入105.67亿元。"
                                              "集装箱租赁业务实现营业收入49.59亿元，公司充分发挥租造协同。\n")
    assert {(f["subject"], f["value"]) for f in found if f["value"] in (105.67, 49.59)} == {
        ("中远海发", 105.67), ("中远海发", 49.59)}


def test_the_shares_a_dividend_is_paid_per_are_no_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "3月15日晚间，宁德时代披露2023年年度报告。\n2023年年度报告显示，公司实现营业总收入"
                                              "4009.17亿元。报告期内，公司实现锂离子电池销量390GWh。拟每10股派发年度现金分红和"
                                              "特别现金分红50.28元，合计派发现金分红220.6亿元。\n")
    assert sorted(f["value"] for f in found) == [50.28, 220.6, 390, 4009.17]  # 390GWh: batteries sold


def test_the_part_of_a_year_a_lead_names_under_a_pages_byline_dates_the_sentences_naming_none(extractor):
    found = figures(extractor, "|\n|\n日 | 一 | 二 | 三 | 四 | 五 | 六 |\n---|\n版次：01 作者：王明 李华2023年10月30日\n"
                               "蓬勃发展的江津 记者 张强 摄\n"
                               "本报讯（记者 王明）日前，从区统计局传出消息，前三季度，全区实现地区生产总值（GDP）929.5亿元，"
                               "同比增长6.8%。\n今年以来，全区坚持稳中求进工作总基调，推动全区经济结构持续向优。"
                               "前三季度，全区经济持续恢复。\n第二产业对GDP增长贡献较大。前三季度，全区实现工业增加值352亿元，"
                               "同比增长6.9%。实现建筑业增加值116.4亿元，增长7.9%。\n")
    # 版次：01 作者：… is the page's byline, not its lead: the lead names 前三季度, the part of 2023 it reports on
    assert [(f["subject"], f["value"], f["year"]) for f in found if f["value"] in (116.4, 7.9)] == [
        ("江津区", 116.4, 2023), ("江津区", 7.9, 2023)]


def test_leads_over_the_city_and_the_country_given_respectively_are_the_regions(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2023年，全縣經濟穩中向好，全縣上下真抓實幹。\n"
                                              "2023年，全縣固定資產投資同比增長10%，比全市和全國分別高6.4和6.9個百分點。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [
        ("全县", 10, "%"), ("全县", 6.4, "个百分点"), ("全县", 6.9, "个百分点")]


def test_the_values_a_change_starts_from_last_year_are_last_years(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2023年，全縣經濟穩中向好，全縣上下真抓實幹。\n一、綜合\n"
                                              "初步測算，全年完成地區生產總值221.23億元，比上年同期增長5.0%。"
                                              "產業結構構成由上年的22.26%、28.63%和49.11%調整為21.35%、27.92%和50.73%。"
                                              "全縣人均GDP為29883.8元。\n")
    assert [(f["value"], f["year"]) for f in found if f["unit"] == "%" and f["value"] > 20] == [
        (22.26, 2022), (28.63, 2022), (49.11, 2022), (21.35, 2023), (27.92, 2023), (50.73, 2023)]


def test_firms_named_by_where_their_owners_are_from_give_that_place_no_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2023年，全縣經濟穩中向好，全縣上下真抓實幹。\n"
                                              "2023年，全縣規上工業增加值增長4.7%，其中外商及港澳臺商投資企業增長21.6%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("全县", 4.7), ("全县", 21.6)]


_MARKET_HEAD = ("港股中报速览：{title}\n新浪财经 2022-08-30\n作者：数据组 王某\n导读\n"
                "数据组联合发布《港股中报复苏榜》，上榜公司股价表现大幅跑赢大盘。\n营收增幅创同期新高\n"
                "数据组统计，上半年港股公司累计实现营业收入12.5万亿元，同比增长8.3%{lead}。\n")


def test_a_sector_a_market_article_first_names_halfway_is_not_the_subject_of_its_market_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, _MARKET_HEAD.format(title="六大行业打出翻身仗", lead="") +
                         "六大行业业绩翻番\n交通运输成黑马\n"
                         "6个行业净利润增幅超50%，分别是交通运输、钢铁、有色金属、化工、煤炭和采掘。\n"
                         "化工和交通运输的净利润行业排名提升明显，尤其是交通运输行业，排名由20名上升至第5名。"
                         "交通运输行业增幅最高，与去年基数较低有关。\n")
    assert not [f for f in found if f["value"] in (12.5, 8.3)], found


def test_the_country_in_firms_names_does_not_make_a_market_article_speak_for_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, _MARKET_HEAD.format(title="大型国企营收居前", lead="，可见中国经济稳步恢复") +
                         "中国石化、中国移动和中国海油营收居前，中国石油名次提升最大。\n")
    assert not [f for f in found if f["subject"] == "中国"], found


def test_a_firm_a_count_includes_is_not_whose_count_it_is(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, _MARKET_HEAD.format(title="百亿利润俱乐部扩容", lead="") +
                         "百亿利润俱乐部成员首破30家，包括中国石油在内有35家上市公司上半年净利润超百亿元。\n")
    assert not [f for f in found if f["value"] in (35, 100)], found


def test_a_results_statement_is_no_firm(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, _MARKET_HEAD.format(title="复苏榜出炉", lead="") +
                         "数据组按以下条件选取公司：1、一季度亏损、中报盈利；2、中报净利润同比增幅大于30%。\n")
    assert not [f for f in found if f["value"] == 30], found


def test_places_plots_buildings_trips_and_teu_are_units(extractor):
    found = figures(extractor, "2025年，成都市治理交通堵乱点60处，修复污染地块17块，为6000栋老旧高层建筑安装感知设备，"
                               "跨境公路班车开行量突破1.2万车次，集装箱吞吐量超2400万标准箱。")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [
        ("成都市", 60, "处"), ("成都市", 17, "块"), ("成都市", 6000, "栋"), ("成都市", 1.2, "万车次"),
        ("成都市", 2400, "万标准箱")]


def test_a_firm_one_of_a_list_in_a_citys_report_is_not_the_subject_of_the_clause_after_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年宁波市政府工作报告\n时间：2026-01-20\n各位代表：\n"
                                              "现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "中远海运、招商局等央企新业务板块落地，航运服务集聚区新增企业476家，"
                                              "邮轮母港接待邮轮91艘次。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [("宁波市", 476, "家"), ("宁波市", 91, "艘次")]


def test_a_route_and_a_place_naming_which_trains_are_not_the_subject(extractor):
    found = figures(extractor, "力争到2030年，成都经西部陆海新通道货运量达到30万标箱，中欧班列（成渝）年开行量保持在3000列以上。")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [("成都市", 30, "万标箱"), ("成都市", 3000, "列")]


def test_works_done_counted_after_examples_of_them_are_the_years_figures(extractor):
    found = figures(extractor, "2025年，成都市新开工锦江新里等8个更新项目，维修改造天府大道、人民路等58条重要道路，"
                               "建成投用成都东站、天府机场高速等340个市级重点项目。")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [
        ("成都市", 8, "个"), ("成都市", 58, "条"), ("成都市", 340, "个")]


def test_a_rate_after_a_place_of_its_own_is_that_places_even_when_the_one_before_is_equal(extractor):
    found = figures(extractor, "2021年前三季度，GDP增速居前的省份分别是：江苏10.2%、山东9.9%、重庆9.9%。")
    assert [(f["subject"], f["value"]) for f in found] == [("江苏省", 10.2), ("山东省", 9.9), ("重庆市", 9.9)]


def test_a_countrys_rate_places_counted_back_fall_short_of_is_a_bar_not_a_figure_again(extractor):
    found = figures(extractor, "2021年前三季度，中国GDP同比增长9.8%。去年增速居前的是西藏、贵州和甘肃，"
                               "这三省份今年前三季度GDP增速均低于9.8%的全国增速。")
    assert [(f["subject"], f["value"], f["comparator"]) for f in found] == [("中国", 9.8, "=")]


def test_last_years_rate_in_brackets_after_上年全年_is_of_last_year(extractor):
    found = figures(extractor, "2024年一季度，洛阳市规模以上工业增加值同比增长8.1%，比上年全年（5.3%）加快2.8个百分点。")
    assert [(f["value"], f["year"]) for f in found if f["value"] in (8.1, 5.3)] == [(8.1, 2024), (5.3, 2023)]


def test_a_firm_a_breakdown_names_after_the_figure_before_is_its_figures_subject(extractor):
    found = figures(extractor, "2024年一季度，洛阳市3家骨干企业增加值均保持两位数增长，拉动规上工业增加值增长16.3个百分点，"
                               "其中，中信重工公司由于订单增加、增加值率高于同期，直接拉动规上工业增加值增速12.1个百分点。")
    assert [(f["subject"], f["value"]) for f in found if f["unit"] == "个百分点"] == [
        ("洛阳市", 16.3), ("中信重工公司", 12.1)]


def test_values_a_clause_says_分别_of_carry_the_last_ones_unit(extractor):
    found = figures(extractor, "2023年，十堰市黄酒、香菇、黑木耳品牌价值分别达13.28、12.31、11.47亿元。")
    assert [(f["value"], f["unit"]) for f in found] == [(13.28, "亿元"), (12.31, "亿元"), (11.47, "亿元")]


def test_a_firm_an_earlier_clause_of_a_citys_report_names_has_no_figure_that_measures_nothing_a_firm_has(
        extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年宁波市政府工作报告\n时间：2026-01-20\n各位代表：\n"
                                              "现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "启动大气污染治理攻坚行动，实施涉钢企业深度治理工程，宁波焦化公司转型退出，"
                                              "新增新能源重型货车3560辆，PM2.5年均浓度28.4微克/立方米。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [
        ("宁波市", 3560, "辆"), ("宁波市", 28.4, "微克/立方米")]


def test_a_和_inside_a_listed_sectors_name_joins_no_two_items(extractor):
    found = figures(extractor, "2025年，成都市信息传输、租赁和商务服务业增加值分别增长18.6%、13.4%。")
    assert [(f["subject"], f["value"]) for f in found] == [("成都市", 18.6), ("成都市", 13.4)]


def test_the_next_value_of_a_list_naming_no_measure_of_its_own_has_the_subject_of_the_one_before(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年竹山县政府工作报告\n时间：2026-01-20\n各位代表：\n"
                                              "现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "粮油产量稳定在12万吨、2.8万吨，全县农产品加工业产值达到60.5亿元。\n")
    assert [(f["subject"], f["value"]) for f in found if f["unit"] == "万吨"] == [("竹山县", 12), ("竹山县", 2.8)]


def test_a_listed_value_takes_no_indicator_from_the_rest_of_its_list(extractor):
    found = figures(extractor, "2023年，十堰市黄酒、香菇、黑木耳品牌价值分别达13.28、12.31、11.47亿元。")
    assert {f["indicator"] for f in found} == {"黄酒、香菇、黑木耳品牌价值"}


def test_a_place_locating_an_example_of_the_things_counted_is_not_whose_count_it_is(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年四川省政府工作报告\n时间：2026-01-25\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "培育商圈120个，打造成都“宽窄巷子”等夜间消费聚集区40个，社会消费品零售总额增长4.1%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("四川省", 120), ("四川省", 40), ("四川省", 4.1)]


def test_a_page_in_traditional_characters_gives_its_figures_to_the_places_it_names(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2023年重慶市區縣經濟運行情況\n2023年，江津區實現地區生產總值1300.5億元，同比增長6.2%；"
                                              "秀山縣實現地區生產總值369.53億元，同比增長6.1%。\n")
    assert [(f["subject"], f["indicator"], f["value"], f["unit"], f["year"]) for f in found] == [
        ("江津区", "地区生产总值", 1300.5, "亿元", 2023), ("江津区", "地区生产总值增速", 6.2, "%", 2023),
        ("秀山土家族苗族自治县", "地区生产总值", 369.53, "亿元", 2023), ("秀山土家族苗族自治县", "地区生产总值增速", 6.1, "%", 2023)]
    assert found[0]["evidence"] == "2023年，江津區實現地區生產總值1300.5億元，同比增長6.2%；"


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_county_bulletins_sector_lines_and_kinds_of_firm_are_the_countys(extractor, tmp_path, script):
    text = ("2023年秀山縣國民經濟和社會發展統計公報\n初步核算，2023年全縣實現地區生產總值221.23億元，比上年增長5.0%。\n"
            "二、農林牧漁業\n2023年全年實現農林牧漁業總產值81.10億元，同比增長3.9%。其中：農業產值45.36億元，同比增長5.3%；"
            "農業服務業產值2.15億元，同比增長8.2%。\n三、工業\n全年全縣規上工業增加值增長4.7%。"
            "分經濟類型看，國有控股企業增加值下降9.0%，股份制企業增長4.3%。\n")
    found = read_figures(extractor, tmp_path, extractor.reference.simplified(text) if script == "simplified" else text)
    assert [f["value"] for f in found] == [221.23, 5, 81.1, 3.9, 45.36, 5.3, 2.15, 8.2, 4.7, 9, 4.3]
    assert {f["subject"] for f in found} == {"秀山土家族苗族自治县"}


def test_a_bulletin_saved_as_one_line_is_dated_by_its_title_run_into_its_body(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2022年石柱县国民经济和社会发展统计公报 2022年，在县委、县政府的坚强领导下，"
                                              "全县经济稳中有进。 一、综合 初步核算，全县实现地区生产总值198.6亿元，同比增长4.2%。")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("石柱土家族自治县", 198.6, 2022), ("石柱土家族自治县", 4.2, 2022)]


def test_a_review_of_the_plan_period_and_its_last_year_dates_both_by_that_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年贵州省政府工作报告\n时间：2026-01-26\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、“十四五”时期和2025年工作回顾\n"
                                              "“十四五”这五年，我们砥砺奋进。地区生产总值突破2万亿元，实有经营主体400.5万户。\n"
                                              "刚刚过去的2025年，全省经济稳中有进。完成地区生产总值22800亿元、增长5.1%，"
                                              "规模以上工业增加值增长6.2%。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found] == [
        ("贵州省", 2, 2025, "reported"), ("贵州省", 400.5, 2025, "reported"), ("贵州省", 22800, 2025, "reported"),
        ("贵州省", 5.1, 2025, "reported"), ("贵州省", 6.2, 2025, "reported")]


def test_a_firms_own_results_announcement_is_the_firms_in_both_its_tables_and_its_narrative(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "山西晋阳制药股份有限公司2024年年度业绩快报公告\n"
                                              "本公司及董事会全体成员保证公告内容的真实、准确和完整。\n"
                                              "特别提示:本公告所载2024年年度主要财务数据为初步核算数据,具体数据以公司"
                                              "2024年年度报告中披露的数据为准。\n一、2024年年度主要财务数据和指标\n单位:元\n"
                                              "项目 | 本报告期 | 上年同期 | 变动比例% |\n"
                                              "营业收入 | 310,512,000.50 | 280,100,000.00 | 10.86% |\n"
                                              "加权平均净资产收益率% | 2.10% | 1.80% | - |\n"
                                              "项目 | 本报告期末 | 本报告期初 | 变动比例% |\n"
                                              "总资产 | 901,000,000.00 | 950,000,000.00 | -5.16% |\n"
                                              "二、经营业绩和财务状况情况说明\n"
                                              "报告期内,预计公司实现营业收入31,051.20万元,同比增长10.86%。\n")
    assert [(f["value"], f["unit"], f["year"]) for f in found] == [
        (310512000.5, "元", 2024), (280100000.0, "元", 2023), (10.86, "%", 2024),
        (2.1, "%", 2024), (1.8, "%", 2023),
        (901000000.0, "元", 2024), (950000000.0, "元", 2023), (-5.16, "%", 2024),
        (31051.2, "万元", 2024), (10.86, "%", 2024)]
    assert {f["subject"] for f in found} == {"山西晋阳制药股份有限公司"}


def test_news_on_a_county_work_report_ranking_itself_in_its_city_is_the_countys(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "1月6日，肥西县十八届人大四次会议开幕，代理县长张明作政府工作报告。\n"
                                              "2024年，肥西县规上工业产值增长12%，总量全省县域第二；紫蓬镇入选国家级"
                                              "“特色小镇”，全市唯一。\n2024年，全年民生支出85.3亿元。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("肥西县", 12), ("肥西县", 85.3)]


def test_a_place_naming_an_airport_is_not_the_subject_of_the_figures_after_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年贵州省政府工作报告\n时间：2026-01-26\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "全省经济稳中有进。贵阳龙洞堡国际机场年度旅客吞吐量近3000万人次。"
                                              "电力总装机超8000万千瓦，工业增加值突破5600亿元。\n")
    assert [(f["subject"], f["value"]) for f in found if f["value"] != 3000] == [("贵州省", 8000), ("贵州省", 5600)]


def test_a_place_naming_a_port_is_not_the_subject_of_the_clauses_and_sentences_after_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2024年河北省政府工作报告\n时间：2024-01-22\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n"
                                              "全省经济回升向好。石家庄国际陆港开行中欧班列780列，黄骅港开行海铁联运班列3200列。"
                                              "新增境内外上市公司9家。\n二、2024年主要目标\n"
                                              "今年力争石家庄国际陆港开行中欧班列800列以上，实际使用外资增长5%左右。\n")
    assert [(f["subject"], f["indicator"], f["value"]) for f in found] == [
        ("河北省", "石家庄国际陆港开行中欧班列", 780), ("河北省", "黄骅港开行海铁联运班列", 3200), ("河北省", "境内外上市公司", 9),
        ("河北省", "今年力争石家庄国际陆港开行中欧班列", 800), ("河北省", "实际使用外资", 5)]


def test_a_zone_or_airport_naming_its_own_clause_wins_over_the_one_before_and_ends_with_its_sentence(extractor, tmp_path):
    # a zone the recogniser does not name (沈大国家自主创新示范区, 海口江东新区) or an airport's throughput opening its clause
    # is that clause's subject, not the zone of the clause before; a zone's figures end with its sentence: the next
    # naming no place is the province's
    found = read_figures(extractor, tmp_path, "2024年辽宁省政府工作报告\n时间：2024-01-22\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n"
                                              "我们深入推进新时代东北全面振兴。"
                                              "大连金普新区地区生产总值增长6.5%，沈大国家自主创新示范区新增科技型企业2600家；"
                                              "辽宁自由贸易试验区新设立企业5800家，实际使用外资2.3亿美元。全年开行中欧班列530列，"
                                              "增长20%；沈阳桃仙国际机场旅客吞吐量达到2300万人次。\n")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("金普新区", 6.5), ("沈大国家自主创新示范区", 2600), ("中国（辽宁）自由贸易试验区", 5800),
        ("中国（辽宁）自由贸易试验区", 2.3), ("辽宁省", 530), ("辽宁省", 20), ("沈阳桃仙国际机场", 2300)]
    found = read_figures(extractor, tmp_path, "2023年海南省政府工作报告\n时间：2023-01-13\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2022年工作回顾\n"
                                              "洋浦经济开发区规模以上工业产值突破1500亿元，海口江东新区新增市场主体8000家。"
                                              "海口市地区生产总值增长5%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("洋浦经济开发区", 1500), ("海口江东新区", 8000), ("海口市", 5)]


def test_a_port_named_after_a_place_ending_in_港_gives_its_throughput_clauses_to_the_port(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2024年防城港市政府工作报告\n时间：2024-01-15\n各位代表：\n"
                                              "现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n"
                                              "全市地区生产总值增长6.1%。防城港港完成货物吞吐量1.9亿吨，集装箱吞吐量达到95万标箱。"
                                              "邮轮母港接待邮轮12艘次。\n")
    assert [(f["subject"], f["indicator"], f["value"]) for f in found] == [
        ("防城港市", "地区生产总值", 6.1), ("防城港港", "货物吞吐量", 1.9), ("防城港港", "集装箱吞吐量", 95),
        ("防城港市", "邮轮母港接待邮轮", 12)]


#: The head and lead of a firm's results news, its first figures 831.66亿元 and 2.14% of 2022.
HIKVISION_RESULTS = ("海康威视2022年营收831.66亿元\n证券时报  2023-04-15\n"
                     "4月14日晚间，杭州海康威视数字技术股份有限公司（以下简称“海康威视”）披露2022年年度报告。"
                     "公司2022年实现营业总收入831.66亿元，同比增长2.14%。")


def test_a_subsidiary_named_by_the_firms_stem_and_a_trade_word_is_a_firm_not_the_trade(extractor, tmp_path):
    # 海康|机器人: the stem of the news' firm's name and a trade word the recogniser took for the sector
    found = read_figures(extractor, tmp_path, HIKVISION_RESULTS + "其中，萤石网络营收43.06亿元，增长0.7%；"
                                                                  "海康机器人营收36.26亿元，增长24.9%。\n")
    firm = "杭州海康威视数字技术股份有限公司"
    assert [(f["subject"], f["subject_type"], f["value"]) for f in found] == [
        (firm, "Enterprise", 831.66), (firm, "Enterprise", 2.14), (firm, "Enterprise", 43.06), (firm, "Enterprise", 0.7),
        ("海康机器人", "Enterprise", 36.26), ("海康机器人", "Enterprise", 24.9)]


def test_a_measure_naming_no_year_in_news_on_a_firms_results_is_of_the_reports_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, HIKVISION_RESULTS + "\n分业务看，海康威视主业实现收入665.9亿元，同比增长0.5%。"
                                                                  "境外主业收入达到219.4亿元，同比增长11.4%。\n")
    assert [(f["value"], f["year"]) for f in found] == [(831.66, 2022), (2.14, 2022), (665.9, 2022), (0.5, 2022),
                                                        (219.4, 2022), (11.4, 2022)]


def test_the_goals_under_a_long_year_heading_are_that_years_targets(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "政府工作报告\n——2024年1月21日在广西壮族自治区第十四届人民代表大会第二次会议上\n"
                                              "一、2023年工作回顾\n全区地区生产总值增长4.1%。\n"
                                              "二、2024年经济社会发展总体要求和主要目标\n今年全区经济社会发展的主要预期目标是："
                                              "地区生产总值增长5%以上；规模以上工业增加值增长7%左右。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found] == [
        ("广西壮族自治区", 4.1, 2023, "reported"), ("广西壮族自治区", 5, 2024, "target"),
        ("广西壮族自治区", 7, 2024, "target")]


def test_a_firms_research_spending_and_staff_are_of_its_report_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "恒远化学2023年净利润16.8亿元\n证券日报  2024-04-30\n"
                                              "近日，恒远化学股份有限公司发布2023年年度报告。报告期内，公司实现营业收入175.3亿元。\n"
                                              "分板块看，2023年恒远化学聚氨酯产品实现销售收入67.5亿元。"
                                              "全年研发投入4.2亿元，年末研发人员超过800人。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found if f["value"] in (4.2, 800)] == [
        ("恒远化学股份有限公司", 4.2, 2023), ("恒远化学股份有限公司", 800, 2023)]


def test_a_line_of_business_in_a_paragraph_on_another_firms_results_is_that_firms(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "恒远化学2023年净利润16.8亿元\n证券日报  2024-04-30\n"
                                              "近日，恒远化学股份有限公司发布2023年年度报告。报告期内，公司实现营业收入175.3亿元。\n"
                                              "医疗器械龙头方面，迈瑞医疗4月29日晚披露的2023年年报显示，公司实现营业收入349.32亿元。"
                                              "其中，生命信息与支持业务收入151.95亿元；体外诊断业务收入125.53亿元。\n")
    assert [(f["subject"], f["value"]) for f in found if f["value"] in (151.95, 125.53)] == [
        ("迈瑞医疗", 151.95), ("迈瑞医疗", 125.53)]


def test_a_ports_throughput_is_not_carried_to_the_next_sentence(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "政府工作报告\n——2024年1月21日在广西壮族自治区第十四届人民代表大会第二次会议上\n"
                                              "一、2023年工作回顾\n——开放合作迈出新步伐。北部湾港货物吞吐量突破8亿吨，"
                                              "集装箱吞吐量802万标箱。实际使用外资15.1亿美元。\n")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("北部湾港", 8), ("北部湾港", 802), ("广西壮族自治区", 15.1)]


def test_a_firms_results_table_by_segment_gives_each_row_to_its_segment(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "华测导航2023年年报解读：海外业务增长较快\n"
                                              "根据华测导航2023年年度财报披露，公司实现营收26.8亿元。\n"
                                              "分产品 | 营业收入 | 占比 | 毛利率 |\n---|---|---|---|\n"
                                              "数据采集设备 | 12.40亿元 | 46.3% | 55.12% |\n"
                                              "合计 | 26.80亿元 | 100.0% | 58.05% |\n"
                                              "分地区 | 营业收入 | 占比 | 毛利率 |\n"
                                              "海外市场 | 5.20亿元 | 19.4% | 60.03% |\n")
    rows = [(f["subject"], f["subject_type"], f["indicator"], f["value"], f["unit"], f["year"]) for f in found[1:]]
    assert rows == [
        ("数据采集设备", "Industry", "营业收入", 12.4, "亿元", 2023),
        ("数据采集设备", "Industry", "营业收入占比", 46.3, "%", 2023),
        ("数据采集设备", "Industry", "毛利率", 55.12, "%", 2023),
        ("华测导航", "Enterprise", "营业收入占比", 100, "%", 2023),  # its 营业收入 is the body's 营收, stated once
        ("华测导航", "Enterprise", "毛利率", 58.05, "%", 2023),
        ("华测导航", "Enterprise", "海外市场营业收入", 5.2, "亿元", 2023),
        ("华测导航", "Enterprise", "海外市场营业收入占比", 19.4, "%", 2023),
        ("华测导航", "Enterprise", "海外市场毛利率", 60.03, "%", 2023)]


def test_a_news_pages_path_above_its_title_leaves_the_title_naming_the_city_it_is_on(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "首页 > 新闻 >\n\n合肥工信“十四五”规划发布\n"
                                              "2021-07-02 09:15 来源：某某网\n"
                                              "  近日，《合肥市工业和信息化“十四五”发展规划》（以下简称《规划》）经市政府批复"
                                              "正式印发。7月2日，合肥市委市政府召开新闻发布会，围绕《规划》进行解读。\n"
                                              "  主要目标，提出到2025年，工业增加值占GDP比重提高至35%以上，规模以上工业营业收入"
                                              "突破2万亿元，产业竞争力进入全国领先行列。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("合肥市", 35, 2025), ("合肥市", 2, 2025)]


def test_a_national_title_before_a_count_in_a_provinces_report_is_the_provinces_own(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年湖北省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，"
                                              "请予审议。\n五年来，国家级大院大所实现零的突破，全国重点实验室达12家，"
                                              "全社会研发投入强度突破2.5%，有效期内高新技术企业达9000家。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("湖北省", 12), ("湖北省", 2.5), ("湖北省", 9000)]


def test_wanyi_without_yuan_is_a_unit_of_a_money_measure(extractor):
    found = figures(extractor, "2016年，湖北省实现地区生产总值3.27万亿，增长8.1%。")
    assert [(f["value"], f["unit"], f["year"]) for f in found] == [(3.27, "万亿", 2016), (8.1, "%", 2016)]
    # a bare 万亿 of no money is no figure; 万亿千瓦时 is energy's unit in full (全国可再生能源发电量近3万亿千瓦时)
    found = figures(extractor, "2016年，湖北省的货运规模突破了1万亿，累计送电量超2万亿千瓦时。")
    assert [(f["indicator"], f["value"], f["unit"]) for f in found] == [("送电量", 2, "万亿千瓦时")]


def test_a_place_in_any_example_of_a_list_is_not_whose_count(extractor):
    found = figures(extractor, "2015年，紫阳县引进了广东华兴手套加工、河北绿源绞股蓝开发、甘肃永盛石油助剂等招商项目25个，"
                               "合同引资20.5亿元。")
    assert [(f["subject"], f["value"]) for f in found] == [("紫阳县", 25), ("紫阳县", 20.5)]


def test_a_variant_traditional_form_is_read_as_its_simplified_character(extractor):
    found = figures(extractor, "2024年上半年，湖北省規模以上工業增加值增長7.5%。分門類看，採礦業增加值增長1.2%，"
                               "製造業增加值增長8.1%，電力、熱力、燃氣及水生産和供應業增加值增長6%。")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("湖北省", 7.5), ("采矿业", 1.2), ("制造业", 8.1), ("电力、热力、燃气及水生产和供应业", 6)]


def test_a_place_spelled_with_a_variant_the_dictionary_says_is_now_written_simplified_is_that_place(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "——2024年1月8日在崑山市第十七屆人民代表大會第四次會議上\n"
                                              "一、2023年工作回顧\n全市實現地區生產總值5140.6億元，增長5.3%；一般公共預算收入438.1億元。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [
        ("昆山市", 5140.6, "亿元", 2023), ("昆山市", 5.3, "%", 2023), ("昆山市", 438.1, "亿元", 2023)]


def test_a_number_whose_thousands_a_pdf_printed_apart_is_one_number(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "安吉县2023年国民经济和社会发展统计公报\n"
                                              "按常住人口计算，人均地区生产总值为 102 356元，增长6.1%。城镇、农村居民人均可支配收入"
                                              "分别达到40 892\n元和15 614元。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [
        ("安吉县", 102356, "元"), ("安吉县", 6.1, "%"), ("安吉县", 40892, "元"), ("安吉县", 15614, "元")]


def test_a_number_a_pdf_printed_digit_by_digit_is_one_number(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "仁怀市2023年国民经济和社会发展统计公报\n"
                                              "年末全市规模以上工业企业达到 2 1 6 户，比上年增加18户。"
                                              "数字经济核心产业营业收入增长 1 5 %。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [
        ("仁怀市", 216, "户"), ("仁怀市", 18, "户"), ("仁怀市", 15, "%")]
    # separate numbers stay apart: a list page's pagination, single digits after a number
    assert read_figures(extractor, tmp_path, "仁怀市2023年国民经济和社会发展统计公报\n首页 上一页 1 2 3 下一页 尾页　共3页\n") == []
    found = read_figures(extractor, tmp_path, "仁怀市2023年国民经济和社会发展统计公报\n全年新增企业 12 3 5 家。\n")
    assert [(f["value"], f["unit"]) for f in found] == [(5, "家")]


def test_a_customs_release_naming_no_region_gives_its_sides_and_partners_figures_to_the_country(extractor, tmp_path):
    # a statistics release turning to a side (从产品看，2023年…; 进口方面，…) goes on about that year; goods named
    # together by their group's quoted name (“新三样”) are no sector's; a trade partner after 对 owns no figure
    found = read_figures(extractor, tmp_path, "海关总署：2022年我国货物贸易进出口42.07万亿元\n"
                                              "海关总署13日发布数据，2022年，我国货物贸易进出口总值42.07万亿元，增长7.7%。\n"
                                              "从产品看，2022年我国出口机电产品13.72万亿元。电动载人汽车、锂离子蓄电池和太阳能电池"
                                              "“新三样”产品合计出口0.71万亿元。进口方面，进口粮食1.47亿吨，下降10.7%。\n"
                                              "从市场看，2022年我国对东盟、欧盟、美国分别进出口6.52万亿元、5.65万亿元和5.05万亿元。"
                                              "东盟继续保持我国第一大贸易伙伴地位，贸易总值6.52万亿元，增长15%；对非洲进出口1.88万亿元。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found if f["subject"] == "中国"] == [
        ("中国", 42.07, "万亿元", 2022), ("中国", 7.7, "%", 2022), ("中国", 13.72, "万亿元", 2022),
        ("中国", 0.71, "万亿元", 2022), ("中国", 1.47, "亿吨", 2022), ("中国", 10.7, "%", 2022),
        ("中国", 6.52, "万亿元", 2022), ("中国", 5.65, "万亿元", 2022), ("中国", 5.05, "万亿元", 2022),
        ("中国", 6.52, "万亿元", 2022), ("中国", 15, "%", 2022), ("中国", 1.88, "万亿元", 2022)]


@pytest.mark.parametrize("clause, value, unit", [
    ("单晶硅片出货量125.42GW", 125.42, "GW"), ("储能电池出货量40GWh", 40, "GWh"), ("光伏电站装机166MW", 166, "MW"),
    ("动力电池产能达到350吉瓦时", 350, "吉瓦时"), ("风电装机容量达到300兆瓦", 300, "兆瓦"),
])
def test_power_and_energy_in_the_units_the_energy_trade_writes(extractor, clause, value, unit):
    figure = only(extractor, f"2023年，隆基绿能科技股份有限公司{clause}。")
    assert (figure["value"], figure["unit"], figure["year"]) == (value, unit, 2023)


def test_the_last_of_the_places_a_sentence_gives_a_figure_each_is_not_carried_to_the_next(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "甘肃省2024年政府工作报告\n今年，我们将推进“强省会”行动，兰州市地区生产总值增长6.5%以上，"
                                              "兰州新区规模以上工业产值突破1000亿元。加快构建现代化基础设施体系，全年完成交通投资800亿元。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("兰州市", 6.5), ("兰州新区", 1000), ("甘肃省", 800)]


def test_a_paragraph_opening_with_the_side_it_turns_to_and_then_its_year_goes_on_about_that_year(extractor):
    found = figures(extractor, "重点行业方面，2023年我国汽车产销量分别完成3016.1万辆和3009.4万辆。汽车出口491万辆，增长57.9%。")
    assert [(f["value"], f["year"]) for f in found] == [(3016.1, 2023), (3009.4, 2023), (491, 2023), (57.9, 2023)]


def test_a_paragraph_of_firm_news_turned_to_another_firm_goes_on_about_that_firm(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, (
        "隆基绿能2023年净利润107.5亿元 组件出货量全球第一\n\n证券时报网讯  2024年4月29日晚间，隆基绿能科技股份有限公司"
        "（601012.SH）发布2023年年度报告。报告期内，公司实现营业收入1294.98亿元，同比下降7.59%；实现归属于上市公司股东的"
        "净利润107.51亿元，同比下降27.41%；扣除非经常性损益后的净利润105.67亿元，同比下降28.84%；基本每股收益1.42元。\n"
        "同日，调味品龙头海天味业披露的2023年年报显示，公司全年实现营业收入245.59亿元，同比下降4.10%；归属于上市公司股东的"
        "净利润56.27亿元，同比下降9.21%。分产品看，酱油收入126.95亿元，蚝油收入42.31亿元。海天味业表示，2024年公司将力争"
        "实现营业收入增长8%，净利润增长10%。\n"))
    assert {(f["subject"], f["value"]) for f in found if f["value"] in (1294.98, 245.59, 126.95, 42.31)} == {
        ("隆基绿能科技股份有限公司", 1294.98), ("海天味业", 245.59), ("海天味业", 126.95), ("海天味业", 42.31)}


def test_a_clause_after_a_semicolon_whose_sentence_named_its_year_keeps_that_year_not_an_earlier_goal_year(extractor):
    found = figures(extractor, "《方案》提出，到2025年，全省新能源汽车产量达到50万辆；到2027年，新能源汽车产量力争达到80万辆。\n"
                               "据统计，2023年全省新能源汽车产量达到36.2万辆；新能源汽车产业规模达到1580亿元。")
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [
        (50, 2025, "target"), (80, 2027, "target"), (36.2, 2023, "reported"), (1580, 2023, "reported")]


def test_a_place_a_works_is_named_after_is_not_whose_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "青海省2024年政府工作报告\n一、2023年工作回顾\n"
                                              "完成水利投资97.6亿元，引黄济宁工程完成投资30亿元。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("青海省", 97.6), ("青海省", 30)]
    assert [f["subject"] for f in figures(extractor, "2023年，济宁市重点工程完成投资80亿元。")] == ["济宁市"]


def test_a_count_of_the_steps_a_value_passed_is_no_figure(extractor):
    found = figures(extractor, "2025年，贵州省地区生产总值连跨2个千亿级台阶，人均生产总值提升至8.2万元。")
    assert [(f["value"], f["unit"]) for f in found] == [(8.2, "万元")]


def test_the_dash_after_a_rate_opens_the_second_end_of_a_range_not_a_negative_rate(extractor):
    found = figures(extractor, "2026年，湖北省地区生产总值增长5%-5.5%，规模以上工业增加值增长7%以上。")
    assert [f["value"] for f in found] == [5, 7]


def test_a_count_naming_the_things_a_share_is_of_is_no_figure(extractor):
    found = figures(extractor, "2025年，湖北省引进亿元以上项目650个，其中10条重点产业链项目占比达80.5%。")
    assert [f["value"] for f in found] == [650, 80.5]


def test_voyages_are_a_unit(extractor):
    found = figures(extractor, "2025年，海南省南山港服务科考船1860航次，港口货物吞吐量增长8%。")
    assert [(f["value"], f["unit"]) for f in found] == [(1860, "航次"), (8, "%")]


def test_the_plan_period_heading_naming_the_report_year_dates_its_targets_by_that_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年吉林省政府工作报告\n时间：2026-01-28\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "全省地区生产总值增长5.2%。\n二、“十五五”时期目标任务和2026年工作安排\n"
                                              "今年是“十五五”开局之年。全省经济社会发展的主要预期目标是：地区生产总值增长5%左右，"
                                              "城镇新增就业24万人以上；到2030年，常住人口城镇化率达到67%。\n")
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [
        (5.2, 2025, "reported"), (5, 2026, "target"), (24, 2026, "target"), (67, 2030, "target")]


def test_a_place_that_only_qualifies_what_its_clause_is_on_has_no_figure_of_the_clause_after(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年湖北省政府工作报告\n时间：2026-01-25\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "全省基础设施加快完善，武汉地铁12号线通车运营，全年交通投资达到1200亿元。"
                                              "宜昌柑橘、恩施茶叶入选国家级优势特色产业集群，茶叶综合产值增长9.5%。"
                                              "襄阳市成为国家首批试点城市，新增企业研发机构120家。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("湖北省", 1200), ("湖北省", 9.5), ("襄阳市", 120)]


def test_a_place_a_trade_is_with_has_no_figure_of_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年新疆维吾尔自治区政府工作报告\n时间：2026-01-25\n各位代表：\n"
                                              "现在，我代表自治区人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "外贸结构持续优化，对中亚五国、俄罗斯进出口分别增长21.5%、8%，"
                                              "全区进出口总值达到4800亿元。\n")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("新疆维吾尔自治区", 21.5), ("新疆维吾尔自治区", 8), ("新疆维吾尔自治区", 4800)]


def test_a_clause_naming_a_thing_of_its_own_before_its_measure_is_not_the_sector_before(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年江西省政府工作报告\n时间：2026-01-25\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "全省外贸稳中提质，集成电路出口增长18.2%，机电产品出口占比61%。"
                                              "新能源汽车产业营业收入增长30.5%，利润增长28%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("集成电路", 18.2), ("江西省", 61), ("新能源汽车", 30.5), ("新能源汽车", 28)]


def test_points_listed_each_with_their_classifier_share_the_last_ones_unit(extractor):
    found = figures(extractor, "2022年前三季度，湖南省国有企业、外商投资企业增加值分别增长5%、2.6%，比上半年提高0.4个和1.3个百分点。")
    assert [(f["value"], f["unit"]) for f in found] == [(5, "%"), (2.6, "%"), (0.4, "个百分点"), (1.3, "个百分点")]


def test_a_stock_counted_at_a_date_is_of_that_dates_year_but_not_a_plan_stated_after_it(extractor):
    found = figures(extractor, "3月25日晚间，华明装备披露2023年年报。报告期内，公司实现营业收入19.8亿元。同时，华明装备董事会"
                               "通过利润分配预案，拟向全体股东每10股派发现金红利5元(含税)。截至2024年3月20日,华明装备总股本"
                               "8.96亿股,以此计算合计拟派发现金红利4.48亿元(含税)。")
    assert [(f["value"], f["year"]) for f in found] == [(19.8, 2023), (5, 2023), (8.96, 2024), (4.48, 2023)]


def test_zones_of_a_kind_that_a_clause_counts_do_not_take_over_the_sentence(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年河南省政府工作报告\n时间：2026-01-25\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "深化改革，开发区和产业集聚区由180个整合为130个，供应工业用地3.2万亩。\n")
    assert [(f["subject"], f["value"]) for f in found if f["value"] != 180] == [("河南省", 130), ("河南省", 3.2)]


def test_investment_growth_after_a_longer_name_a_sector_opens_is_the_places(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年吉林省政府工作报告\n时间：2026-01-25\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "大力发展航空航天、新能源汽车等产业。项目建设提速，航空航天器及设备投资增长35.2%、"
                                              "医疗仪器设备投资增长12.6%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("吉林省", 35.2), ("吉林省", 12.6)]


def test_a_capacity_per_year_keeps_its_time_in_its_unit(extractor):
    found = figures(extractor, "2025年，全省新建煤矿3处，新增产能1200万吨/年。")
    assert [(f["value"], f["unit"]) for f in found if f["value"] == 1200] == [(1200, "万吨/年")]


def test_pairs_are_a_unit_where_no_word_goes_on_from_them(extractor):
    found = figures(extractor, "2025年，浙江省国际友城达到88对，开展1对1帮扶的村达到120个。")
    assert [(f["value"], f["unit"]) for f in found if f["unit"] == "对"] == [(88, "对")]  # not 1对|1


def test_a_sector_narrowed_by_an_adjective_in_xing_is_not_the_sector_measured(extractor):
    found = figures(extractor, "2025年，浙江省服务业增加值增长5.5%，营利性服务业增加值增长7.2%。")
    assert [(f["subject"], f["value"]) for f in found if f["value"] == 7.2] == [("浙江省", 7.2)]  # not 服务业's


def test_this_years_goals_under_a_review_heading_are_the_reports_years(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年湖南省人民政府工作报告\n2026年02月08日 09时15分来源：湖南日报\n"
                                              "各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"
                                              "一、2025年工作回顾和“十四五”发展主要成绩\n全省地区生产总值增长5.1%。\n"
                                              "今年全省经济社会发展主要预期目标是：地区生产总值增长5%左右；城镇新增就业70万人，"
                                              "城镇调查失业率5.5%左右。\n")
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [
        (5.1, 2025, "reported"), (5, 2026, "target"), (70, 2026, "target"), (5.5, 2026, "target")]


def test_a_firm_heading_a_digest_item_owns_its_results_though_the_recogniser_missed_it(extractor):
    found = figures(extractor, "核心观点 - 恒瑞医药2025年上半年总收入157.61亿元(同比+15.88%),国际化进程加速 [2][18] "
                               "-金风科技2025年上半年营业收入285.4亿元(同比+41.3%),归母净利润14.9亿元 [2][30]。")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("恒瑞医药", 157.61), ("恒瑞医药", 15.88), ("金风科技", 285.4), ("金风科技", 41.3), ("金风科技", 14.9)]
    assert not any("[" in f["indicator"] or "国际化" in f["indicator"] for f in found)



def test_a_pages_count_of_characters_is_no_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "某某文库◆记住我,常来看看~\n\n2019年温州市政府工作报告\n\nadmin 分享 时间: 加入收藏 共计12345个字,预计阅读时长"
                                              "40分钟\n\n--2019年1月20日在温州市人民代表大会上\n各位代表:\n现在,我代表温州市人民政府"
                                              "向大会作政府工作报告。\n一、2018年主要工作回顾\n全市新增企业300个。\n")
    assert [(f["value"], f["unit"]) for f in found] == [(300, "个")]


def test_a_list_pages_count_of_its_items_by_its_pagination_is_no_figure(extractor, tmp_path):
    # a site's list of documents ends in its pagination (共 187 条　首页 上一页 …): the count is the page's furniture; a
    # count of 条 a text states (新建…道路12条) stays a figure
    found = read_figures(extractor, tmp_path, "成都市人民政府\n首页 > 政务公开 > 政府文件\n标题\t文号\t发布日期\n"
                                              "成都市人民政府办公厅关于进一步做好稳就业工作的意见\t成府办发〔2022〕36号\t2022-07-21\n"
                                              "成都市人民政府办公厅关于做好2022年夏季防汛工作的通知\t成府办发〔2022〕24号\t2022-05-30\n"
                                              "共 187 条　首页 上一页 1 2 3 … 19 下一页 尾页\n")
    assert found == []
    stated = read_figures(extractor, tmp_path, "2022年，成都市新建城市绿道道路12条。\n首页 上一页 1 2 下一页 尾页\n")
    assert [(f["value"], f["unit"]) for f in stated] == [(12, "条")]


def test_points_a_rate_moved_before_the_rate_it_reached_are_no_range(extractor):
    found = figures(extractor, "2025年上半年，三祥科技风电设备毛利率大幅改善3.15个百分点至8.06%，营收增长10%至15%。")
    assert [(f["value"], f["unit"]) for f in found if f["value"] < 10] == [(3.15, "个百分点"), (8.06, "%")]
    assert 10 not in [f["value"] for f in found]  # the first end of a range of rates


def test_a_year_whose_level_a_value_fell_back_to_is_not_its_year(extractor):
    found = figures(extractor, "2025年二季度，白酒行业基金持仓占比降至2016年水平，食品饮料行业超配比例回落至2.8%。")
    assert [(f["value"], f["year"]) for f in found] == [(2.8, 2025)]


def test_a_bulletin_headed_by_a_county_statistics_bureau_is_that_countys(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "石阡县统计局\n2024年，面对中国经济回升向好的态势，我们借势而为，"
                                              "在中国西部发展的征程中迈出坚实步伐。\n一、综合\n"
                                              "2024年实现地区生产总值80.52亿元，同比增长5.3%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("石阡县", 80.52), ("石阡县", 5.3)]


def test_the_country_of_new_chinas_founding_is_no_place_a_bulletin_speaks_of(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2024年石阡县国民经济和社会发展统计公报\n"
                                              "2024年是新中国成立75周年。一年来，我们坚持中国特色社会主义，在石阡发展的"
                                              "征程中迈出坚实步伐。\n一、综合\n2024年实现地区生产总值80.52亿元，同比增长5.3%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("石阡县", 80.52), ("石阡县", 5.3)]


def test_values_a_year_range_lists_with_fenbie_take_their_own_years(extractor):
    found = figures(extractor, "近日，华西证券发布2021年年度报告。2018-2020年，华西证券分别实现营业收入30.1亿元、"
                               "35.2亿元和42.6亿元，同比增幅分别为10.5%、16.9%和21.0%。")
    assert [(f["subject"], f["indicator"], f["value"], f["year"]) for f in found if f["unit"] == "亿元"] == [
        ("华西证券", "营业收入", 30.1, 2018), ("华西证券", "营业收入", 35.2, 2019), ("华西证券", "营业收入", 42.6, 2020)]
    assert [(f["value"], f["year"]) for f in found if f["unit"] == "%"] == [(10.5, 2018), (16.9, 2019), (21.0, 2020)]


def test_a_firms_measure_does_not_carry_the_firms_name(extractor):
    found = figures(extractor, "近日，华西证券发布2021年年度报告。2019-2020年，华西证券的净利润分别为8.21亿元和10.6亿元。")
    assert [(f["indicator"], f["value"], f["year"]) for f in found] == [("净利润", 8.21, 2019), ("净利润", 10.6, 2020)]


def test_goals_under_a_five_year_heading_after_a_chatty_line_are_the_periods(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "报告也谋划了“十四五”发展蓝图，快一起来看看~\n\"十四五\"主要目标\n"
                                              "构建厦门都市圈\n力争厦门港集装箱吞吐量突破1500万标箱，城区常住人口达到400万人。\n")
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [(1500, 2025, "target"), (400, 2025, "target")]


def test_a_thing_ranked_first_in_the_country_does_not_make_the_text_the_countrys(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "“十四五”主要目标\n推进全国一流大学城建设，力争高新技术企业增加到3000家以上。\n"
                                              "构建厦门都市圈\n力争厦门城区常住人口达到400万人。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("厦门市", 3000), ("厦门市", 400)]


def test_a_province_named_only_inside_a_places_name_is_not_the_texts_own(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "“十四五”主要目标\n推进中国西部（四川）科学城建设，力争高新技术企业增加到6000家以上。\n"
                                              "构建成都都市圈\n力争成都港集装箱吞吐量突破300万标箱。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("成都市", 6000), ("成都市", 300)]


def test_changes_listed_each_with_its_own_verb_share_the_last_ones_points(extractor):
    found = figures(extractor, "2023年，临武县三次产业增加值占GDP的比重较上年分别下降0.3个、下降0.5个、提高0.8个百分点。")
    assert [(f["value"], f["unit"]) for f in found] == [(0.3, "个百分点"), (0.5, "个百分点"), (0.8, "个百分点")]
    assert all(f["indicator"].startswith("三次产业增加值占GDP的比重") and "个" not in f["indicator"] for f in found)
    assert [f["indicator"].endswith("下降") for f in found] == [True, True, False]  # 提高0.8个百分点 is no fall


def test_poultry_counted_in_yu_is_a_figure(extractor):
    found = figures(extractor, "2023年，临武县出栏生猪50.2万头，出笼家禽220.5万羽，增长8.6%。")
    assert [(f["value"], f["unit"]) for f in found] == [(50.2, "万头"), (220.5, "万羽"), (8.6, "%")]


def test_liquor_in_kilolitres_is_a_figure(extractor):
    found = figures(extractor, "2023年，习水县规模以上白酒企业实现产量9.6万千升，增长2.5%。")
    assert [(f["value"], f["unit"]) for f in found] == [(9.6, "万千升"), (2.5, "%")]


def test_ten_thousands_of_kilometres_are_a_unit(extractor):
    found = figures(extractor, "2026年，河南省完成农村公路提质改造1.2万公里，新改建国省干线500公里。")
    assert [(f["value"], f["unit"]) for f in found] == [(1.2, "万公里"), (500, "公里")]


def test_the_hundred_of_a_density_per_hundred_square_kilometres_is_no_value(extractor):
    found = figures(extractor, "到2025年，江苏省铁路网密度达到520公里/万平方公里，高速公路密度达到6公里/百平方公里。")
    assert [(f["value"], f["unit"]) for f in found] == [(520, "公里/万平方公里"), (6, "公里/百平方公里")]


def test_the_bar_a_count_of_industries_passed_is_no_figure(extractor):
    found = figures(extractor, "2025年，湖南省新增装备制造等3个过五千亿、新材料等5个过千亿产业，规上工业增加值增长7.2%。")
    assert [(f["value"], f["unit"]) for f in found] == [(7.2, "%")]


def test_a_count_of_city_renewal_areas_is_no_count_of_cities(extractor):
    found = figures(extractor, "2026年，安徽省稳妥推进40个扩面试点项目、25个城市更新重点片区建设。")
    assert [(f["value"], f["unit"]) for f in found] == [(40, "个"), (25, "个")]


def test_projects_classed_by_a_sum_are_counted(extractor):
    found = figures(extractor, "2026年，安徽省推进1.05万个亿元以上新建续建项目建设。")
    assert [(f["value"], f["unit"], f["year"]) for f in found] == [(1.05, "万个", 2026)]


def test_a_rate_with_yishang_before_the_growth_it_is_of_is_a_figure(extractor):
    found = figures(extractor, "2025年，安徽省集成电路产业营收保持25%以上增长，全省高质量发展动能澎湃。")
    assert [(f["comparator"], f["value"], f["unit"]) for f in found] == [("≥", 25, "%")]


def test_people_counted_in_wei_are_a_figure_but_places_of_a_ranking_are_not(extractor):
    found = figures(extractor, "2025年，湖南省两院院士增至45位，全球创新指数排名提升3位至第28位，地区生产总值居全国前10位。")
    assert [(f["indicator"], f["value"], f["unit"]) for f in found] == [("两院院士", 45, "位")]


def test_a_city_having_a_centre_an_earlier_clause_is_on_owns_no_figure_of_the_province(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年湖南省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n"
                                              "一、2025年工作回顾\n科技创新引领作用明显提升，长沙具有全国影响力的科技创新中心加快建设，"
                                              "重大科技基础设施达到5个。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("湖南省", 5)]


def test_a_sector_narrowed_to_its_core_or_to_its_large_firms_is_not_the_sector_measured(extractor):
    found = figures(extractor, "2025年，浙江省数字经济核心产业增加值超过9000亿元，规上服务业营收增长8.5%。")
    assert [(f["subject"], f["value"]) for f in found] == [("浙江省", 9000), ("浙江省", 8.5)]


def test_a_sentence_opening_with_listed_ordinals_is_no_heading_ending_the_review(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年宁夏回族自治区政府工作报告\n各位代表：\n"
                                              "现在，我代表自治区人民政府，向大会报告政府工作，请予审议。\n一、2025年工作回顾\n过去一年很不平凡。\n"
                                              "——经济稳中有进。全区地区生产总值增长5.3%。一、二、三产业增加值分别增长"
                                              "3.9%、4%、6.1%。规上工业增加值增长6.6%。\n——民生持续改善。城镇新增就业38.5万人。\n")
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [
        (5.3, 2025, "reported"), (3.9, 2025, "reported"), (4, 2025, "reported"), (6.1, 2025, "reported"),
        (6.6, 2025, "reported"), (38.5, 2025, "reported")]


def test_a_look_back_under_a_heading_on_a_periods_achievements_and_the_next_ones_targets_is_of_its_end(
        extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年宁夏回族自治区政府工作报告\n各位代表：\n"
                                              "现在，我代表自治区人民政府，向大会报告政府工作，请予审议。\n"
                                              "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
                                              "过去五年，我们砥砺前行。全区地区生产总值年均增长5.2%，"
                                              "发电装机容量突破8000万千瓦。有效发明专利比2020年增长61.4%。\n")
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [
        (5.2, 2025, "reported"), (8000, 2025, "reported"), (61.4, 2025, "reported")]


def test_a_texts_last_line_cut_off_mid_sentence_is_no_subheading_restating_a_value(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "眉山市2024年国民经济和社会发展统计公报\n\n"
                                              "全年居民消费价格比上年上涨0.6%，食品价格下降1.2%。\n"
                                              "年末全市个体工商户达到15.6万户，比上年增长1.2%，占经营主体总量")
    assert [(f["indicator"], f["value"]) for f in found][-2:] == [("年末全市个体工商户", 15.6), ("年末全市个体工商户增速", 1.2)]


def test_a_count_of_what_is_added_after_the_kinds_of_it_is_a_figure(extractor):
    found = figures(extractor, "到2027年，嘉定区专精特新企业总量达到1200家；新增隐形冠军、瞪羚和独角兽企业等15家，"
                                  "国家高新技术企业超3000家。")
    assert [(f["value"], f["unit"], f["year"]) for f in found] == [(1200, "家", 2027), (15, "家", 2027), (3000, "家", 2027)]


def test_medals_are_counted_and_a_place_naming_a_level_is_no_subject(extractor):
    found = figures(extractor, "2025年，宁夏回族自治区获亚洲级以上大赛金牌21枚，全运会金牌数创历史最好成绩。")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [("宁夏回族自治区", 21, "枚")]


def test_the_places_naming_a_routes_ends_are_no_subject_of_its_length(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年宁夏回族自治区政府工作报告\n各位代表：\n"
                                              "现在，我代表自治区人民政府，向大会报告政府工作，请予审议。\n一、2025年工作回顾\n"
                                              "——基础设施不断完善。固原至平凉铁路建成通车，新增高铁运营里程95公里。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("宁夏回族自治区", 95, 2025)]


def test_a_count_closing_its_clause_after_the_noun_of_kinds_listed_is_a_figure(extractor):
    found = figures(extractor, "2025年，宁夏回族自治区实施医疗卫生强基、扩容、下沉项目512个，创建示范社区52个。")
    assert [(f["value"], f["unit"]) for f in found] == [(512, "个"), (52, "个")]


def test_a_reports_last_year_framed_as_just_past_dates_the_paragraphs_later_sentences(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年山西省政府工作报告\n时间：2026-01-26\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、“十四五”时期经济社会发展回顾\n"
                                              "这五年，经济实力跃上新台阶。全省生产总值从2020年的2.1万亿元增长到2025年的2.9万亿元，"
                                              "高速公路总里程达到8000公里。\n"
                                              "刚刚过去的2025年，我们千方百计稳增长，经济回升向好。全省生产总值增长5.1%，"
                                              "规上工业增加值增长6.2%。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("山西省", 2.1, 2020), ("山西省", 2.9, 2025), ("山西省", 8000, 2025), ("山西省", 5.1, 2025), ("山西省", 6.2, 2025)]
    assert found[0]["indicator"] == "生产总值" and found[2]["kind"] == "reported"


def test_a_plan_periods_totals_and_the_paragraph_it_opens_are_the_periods_targets(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "安徽省政府发文，进一步加强招商引资\n新浪财经 2022年03月10日\n"
                                              "近日，安徽省政府印发了《关于进一步加强招商引资工作的指导意见》。\n"
                                              "“十四五”期间，累计实际利用外资500亿美元，引进超10亿美元项目30个，"
                                              "其中超30亿美元项目取得突破。\n"
                                              "“十四五”期间，开发区作用更加明显。经济开发区规上亩均税收达到30万元以上。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"], f["kind"]) for f in found] == [
        ("安徽省", 500, "亿美元", 2025, "target"), ("安徽省", 30, "个", 2025, "target"),
        ("安徽省", 30, "万元", 2025, "target")]


def test_a_place_the_measured_activity_is_aimed_at_or_named_in_is_not_its_subject(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年吉林省政府工作报告\n时间：2026-01-28\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "打造中国美丽休闲乡村40个，建成民居试点村90个。"
                                              "对共建“一带一路”国家、非洲、欧洲出口分别增长12.6%、20.4%、9.5%。"
                                              "油页岩全国重点实验室助力油页岩年产量突破80万吨。"
                                              "改造老旧小区、城中村、农村危房惠及群众8.5万户。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("吉林省", 40, 2025), ("吉林省", 90, 2025), ("吉林省", 12.6, 2025), ("吉林省", 20.4, 2025), ("吉林省", 9.5, 2025),
        ("吉林省", 80, 2025), ("吉林省", 8.5, 2025)]


def test_values_respectively_of_listed_firms_and_a_count_of_firms_in_a_firms_news(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "8家公司中报分红超5亿元 中国石油分红金额最高\n证券时报网 快讯 2021年08月20日\n"
                                              "证券时报网讯，数据宝统计显示，目前已有60家上市公司发布2021年中期利润分配方案公告，"
                                              "合计分红金额达到500.5亿元，其中8家预计分红金额在5亿元以上。中国石油、中国平安分红金额最高，"
                                              "分别为208.66亿元、150.25亿元。中国石油发布中报，上半年实现归母净利润530.36亿元。"
                                              "其他还有宝钢股份、分众传媒、长城汽车分红金额居前，分别为66.47亿元、20.04亿元、17.61亿元。\n")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("中国石油", 208.66), ("中国平安", 150.25), ("中国石油", 530.36), ("宝钢股份", 66.47), ("分众传媒", 20.04),
        ("长城汽车", 17.61)]


def test_goods_listed_as_examples_or_cut_into_a_firms_name_are_no_subject(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "前7月浙江外贸进出口稳步增长\n证券时报网 2021年08月20日\n"
                                              "1-7月，浙江省金属矿砂、农产品和能源类大宗商品进口1887.5亿元，增长29.4%。"
                                              "此外，集成电路、电工器材、二极管及类似半导体器件、汽车零配件等进口2494.1亿元，增长8.2%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("浙江省", 1887.5), ("浙江省", 29.4), ("浙江省", 2494.1), ("浙江省", 8.2)]


def test_a_release_states_a_glossed_figure_once_and_an_analysts_firm_or_cities_counted_own_no_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "三季度GDP同比增速放缓，经济结构持续优化\n新浪财经 2021年10月18日\n\n"
                                              "　　10月18日，三季度经济运行“成绩单”出炉。\n"
                                              "　　初步核算，前三季度国内生产总值（GDP）62.31万亿元，按可比价格计算，同比增长8.8%，"
                                              "两年平均增长5.1%。\n"
                                              "　　付凌晖介绍，初步核算，前三季度国内生产总值623131亿元，按可比价格计算，同比增长8.8%，"
                                              "两年平均增长5.1%。\n"
                                              "　　对于GDP同比增速回落，财信证券首席经济学家伍超明对记者表示，三、四季度分别在5.1%、5.4%。\n"
                                              "　　7、8、9三个月，全国城镇调查失业率分别为5.1%、5.1%和4.9%。"
                                              "其中，31个大城市调查失业率分别为5.2%、5.3%和5%。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found] == [
        ("中国", 62.31, "万亿元"), ("中国", 8.8, "%"), ("中国", 5.1, "%"), ("中国", 623131, "亿元"), ("中国", 5.1, "%"),
        ("中国", 5.4, "%"), ("中国", 5.1, "%"), ("中国", 4.9, "%"), ("中国", 5.2, "%"), ("中国", 5.3, "%"), ("中国", 5, "%")]


def test_no_item_of_a_list_closed_by_deng_owns_the_lists_figure(extractor):
    found = figures(extractor, "2025年，湖北省计算机通信、航空航天制造等新兴产业税收增长30%以上。")
    assert [(f["subject"], f["value"]) for f in found] == [("湖北省", 30)]


def test_a_list_of_changes_after_listed_shares_gives_one_figure_per_value(extractor):
    found = figures(extractor, "2022年1-4月，江苏省进出口、出口和进口占全国份额分别为12.4%、14.1%和7.8%，"
                               "较上年同期提升1.2、1.5和0.4个百分点。")
    assert [(f["value"], f["unit"]) for f in found] == [
        (12.4, "%"), (14.1, "%"), (7.8, "%"), (1.2, "个百分点"), (1.5, "个百分点"), (0.4, "个百分点")]


def test_a_share_after_a_measure_is_that_measures_so_equal_changes_of_two_shares_are_two_figures(extractor):
    found = figures(extractor, "2021年1-8月，江苏省一般贸易方式进出口17727.3亿元，增长23.3%，占外贸总值的56%，提升2.3个百分点。"
                               "江苏省民营企业进出口11315.2亿元，增长27.1%，占外贸总值的36.5%，同比提高2.3个百分点。")
    assert [(f["value"], f["indicator"]) for f in found if f["value"] in (56, 2.3)] == [
        (56, "一般贸易方式进出口占外贸总值的"), (2.3, "一般贸易方式进出口占外贸总值的增速"),
        (2.3, "民营企业进出口占外贸总值的增速")]


def test_a_count_after_a_wider_regions_figure_is_the_reports_own_region(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年河北省政府工作报告\n时间：2026-01-26\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "全省生产总值增长5.6%。京津冀协同发展质效持续提升，京津冀区域优良天数比率接近78%，"
                                              "“六链五群”建设引领产业协作，引进央企二、三级子公司超700家。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("河北省", 5.6), ("京津冀", 78), ("河北省", 700)]


def test_a_firms_results_table_copied_from_a_pdf_gives_each_rows_three_values(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "恒信精密：2023年度业绩快报公告\n恒信精密科技股份有限公司\n"
                                              "一、2023年度主要财务数据和指标\n单位:元\n增减变动幅度\n项目 本报告期 上年同期\n(%)\n"
                                              "营业总收入 120,500,300.10 100,400,200.00 20.02%\n"
                                              "营业利润 9,800,100.50 12,000,000.00 -18.33%\n"
                                              "基本每股收益(元) 0.12 0.15 -20.00%\n"
                                              "增减变动幅度\n本报告期末 本报告期初\n(%)\n"
                                              "总 资 产 500,000,000.00 480,000,000.00 4.17%\n"
                                              "注:1.本报告期初数同法定披露的上年年末数。\n")
    assert [(f["value"], f["unit"], f["year"]) for f in found] == [
        (120500300.1, "元", 2023), (100400200.0, "元", 2022), (20.02, "%", 2023),
        (9800100.5, "元", 2023), (12000000.0, "元", 2022), (-18.33, "%", 2023),
        (0.12, "元", 2023), (0.15, "元", 2022), (-20.0, "%", 2023),
        (500000000.0, "元", 2023), (480000000.0, "元", 2022), (4.17, "%", 2023)]
    assert {(f["subject_type"], f["subject"].endswith("恒信精密科技股份有限公司")) for f in found} == {("Enterprise", True)}


def test_a_plan_period_heading_naming_another_part_before_its_targets_dates_them(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年宁夏回族自治区政府工作报告\n各位代表：\n"
                                              "我代表自治区人民政府，向大会报告工作，请予审议。\n"
                                              "二、“十五五”时期总体要求和目标任务\n"
                                              "未来五年，努力实现以下主要目标。高标准农田达到1200万亩，森林覆盖率超过12.5%。\n"
                                              "三、2026年重点工作\n全区地区生产总值增长5.5%左右。\n")
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [
        (1200, 2030, "target"), (12.5, 2030, "target"), (5.5, 2026, "target")]


def test_a_year_opening_what_a_speaker_says_dates_the_sentences_after_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2月20日，德阳市旌阳区第九届人民代表大会第三次会议开幕。\n"
                                              "大会由主席团常务主席主持。\n会议听取了报告。\n"
                                              "王明在报告中说,2018年旌阳全区经济社会发展取得显著成效。"
                                              "区属地区生产总值达到412.5亿元、增长8.8%;城镇居民人均可支配收入实现35210元。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found] == [
        ("旌阳区", 412.5, 2018, "reported"), ("旌阳区", 8.8, 2018, "reported"), ("旌阳区", 35210, 2018, "reported")]


def test_a_mine_named_right_before_a_count_of_such_mines_is_no_subject(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年陕西省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
                                              "全省经济稳中有进。智能化煤矿达到300座，煤炭先进产能占比80%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("陕西省", 300), ("陕西省", 80)]


def test_a_count_of_the_steps_or_paths_a_plan_sets_is_no_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年陕西省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
                                              "谋划12条技术路径，制定出台30条具体举措，全省原煤产量7.8亿吨。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("陕西省", 7.8)]


def test_the_top_share_of_a_ranking_a_class_is_of_is_no_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年陕西省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
                                              "新增ESI全球前1‰学科2个，全省研发经费投入增长8.5%。\n")
    assert [(f["subject"], f["value"], f["unit"]) for f in found if f["unit"] != "个"] == [("陕西省", 8.5, "%")]


def test_a_task_verb_opening_a_paragraph_before_a_firm_word_gives_its_figures_to_no_firm(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年陕西省政府工作报告\n各位代表：\n三、2026年重点工作\n"
                                              "抓实能源科技创新7条路径，加快构建新型能源体系。煤炭方面，产量稳定在8亿吨左右。"
                                              "新增新型储能200万千瓦以上。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("陕西省", 8), ("陕西省", 200)]


def test_the_year_a_growth_outpaces_is_not_the_years_of_the_margin(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年陕西省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
                                              "刚刚过去的2025年，全省上下团结奋斗。全年GDP增长5.2%，快于2024年0.9个百分点。\n")
    assert [(f["value"], f["year"]) for f in found] == [(5.2, 2025), (0.9, 2025)]


def test_a_place_naming_where_a_train_route_goes_is_not_whose_count_it_is(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年陕西省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
                                              "全省经济稳中有进。开行中欧中亚班列520列。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("陕西省", 520)]


def test_an_autonomous_regions_short_name_makes_its_bulletins_whole_region_the_province(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "主要數據指標\n\n2023年,全區上下深入貫徹習近平總書記對廣西的重要指示精神,"
                                              "經濟穩進提質。\n一、綜合\n初步核算,全年地區生產總值27202億元,比上年增長4.1%。"
                                              "年末全區常住人口5027萬人。\n")
    # 全區 speaks for 广西 (广西壮族自治区, never named in full), not for a district
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("广西壮族自治区", 27202, 2023), ("广西壮族自治区", 4.1, 2023), ("广西壮族自治区", 5027, 2023)]


def test_a_national_bodys_release_naming_provinces_only_as_examples_gives_the_countrys_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "工信部：一季度工业增加值同比增长6.2%\n新闻网\n2024-04-19 10:30\n"
                                              "工信部今天举行发布会介绍，一季度规模以上工业增加值同比增长6.2%。\n"
                                              "工信部总工程师说：广东、河南、四川等8个工业大省增速高于全国平均水平。"
                                              "增长面较去年扩大12个百分点。\n"
                                              "工信部新闻发言人介绍：一季度工业机器人产量增长16.1%。\n")
    # 广东 is one example of a group, named once: neither the text's region nor the paragraph's place
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("中国", 6.2, 2024), ("中国", 6.2, 2024), ("中国", 12, 2024), ("工业机器人", 16.1, 2024)]


def test_a_research_notes_heading_with_a_stock_code_names_the_firm_its_figures_are_of(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "搜索文档\n国泰君安（601211)：自营业务同比增长明显\n"
                                              "某证券 2025-04-30 05:12\n报告的核心观点 - 4月29日国泰君安披露2025年一季度报，"
                                              "业绩符合预期。2024年实现营业收入433.97亿元，同比增长20.1%。\n")
    # no announcement of an annual report in the lead: the heading's stock code says whose note it is
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("国泰君安", 433.97, 2024), ("国泰君安", 20.1, 2024)]


def test_an_analysts_quarter_dates_the_figures_after_it(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "国泰君安（601211)：自营业务同比增长明显\n某证券 2025-04-30 05:12\n维持国泰君安“买入”评级。\n"
                                              "维持公司2025 - 2027年盈利预测。经纪业务 - 1Q25实现收入12.3亿，同比+25.1%。\n")
    assert [(f["value"], f["year"]) for f in found] == [(12.3, 2025), (25.1, 2025)]


def test_an_analysts_range_of_years_to_an_estimate_pairs_each_value_with_its_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "国泰君安（601211)：自营业务同比增长明显\n某证券 2025-04-30 05:12\n维持国泰君安“买入”评级。\n"
                                              "盈利预测 - 2024 - 2026E营业收入分别为433.97亿、460.12亿、480.5亿元。\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("国泰君安", 433.97, 2024), ("国泰君安", 460.12, 2025), ("国泰君安", 480.5, 2026)]


def test_a_spaced_minus_after_the_word_of_a_rate_and_a_slashed_list_of_values(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "国泰君安（601211)：自营业务同比增长明显\n某证券 2025-04-30 05:12\n维持国泰君安“买入”评级。\n"
                                              "投行业务 - 1Q25收入5.6亿，同比/环比- 12.1%/-30.5%。1Q25 IPO/债券承销规模分别为"
                                              "2.3/2039.2亿元，市占率分别为1.8%/9.5%，每平方公里投资5亿元/平方公里。\n")
    # 同比- 12.1%: a minus, not a dash; 2.3/2039.2亿元: two values, the unit the last one's; 亿元/平方公里: a per
    assert [f["value"] for f in found] == [5.6, -12.1, -30.5, 2.3, 2039.2, 1.8, 9.5, 5]


def test_a_rate_before_the_speed_it_is_of_is_a_figure(extractor):
    found = figures(extractor, "规划提出，力争到2020年，甘肃省规模以上工业实现增加值1200亿元左右，年均保持9%的增长速度。")
    assert [(f["value"], f["year"]) for f in found] == [(1200, 2020), (9, 2020)]


def test_rooms_are_counted_things(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年陕西省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
                                              "全省民生实事全部完成，完成2.3万间中小学教室照明改造。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [("陕西省", 2.3, "万间", 2025)]


def test_a_place_opening_a_facilitys_name_is_not_the_sentences_subject(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年新疆维吾尔自治区政府工作报告\n各位代表：\n"
                                              "现在，我代表自治区人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "基础设施系统升级，乌鲁木齐天山国际机场改扩建投运，天山胜利隧道贯通，机场增至27座，"
                                              "铁路运营里程达9100公里。\n")
    # 乌鲁木齐|天山国际机场, 天山|胜利隧道: the places only name the facilities; the counts are the region's
    assert [(f["subject"], f["value"]) for f in found] == [("新疆维吾尔自治区", 27), ("新疆维吾尔自治区", 9100)]


def test_a_lead_before_numbered_headings_dates_every_paragraph_under_them(extractor, tmp_path):
    body = "各项工作稳步推进，持续深化重点领域改革，推动各项工作有序开展，取得明显成效。\n"
    sections = "".join(f"（{n}）着力推进第{n}项重点工作，成效明显\n{body}" for n in "一二三四")
    found = read_figures(extractor, tmp_path, "2026年江西省政府工作报告\n各位代表：\n"
                                              "一、一年来砥砺奋进，各项事业取得新成效\n"
                                              "初步统计，2025年全省地区生产总值3.5万亿元。重点抓了以下工作：\n"
                         + sections + "消费有力提振。开展促消费活动近千场，加力扩围以旧换新，带动消费320亿元。\n"
                                      "二、坚定信心，扎实做好今年工作\n" + body + "开展各类职业技能培训活动10场。\n")
    # 带动消费320亿元 seven paragraphs after the lead: its year reaches every section numbered like its first, not 二、
    assert [(f["value"], f["unit"], f["year"]) for f in found] == [
        (3.5, "万亿元", 2025), (1000, "场", 2025), (320, "亿元", 2025)]


def test_five_years_looked_back_on_in_a_report_end_with_the_year_it_reviews(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年江西省政府工作报告\n——2026年1月20日在江西省人民代表大会上\n"
                                              "时间：2026-01-25\n各位代表：\n一、砥砺奋进，各项事业取得新成效\n"
                                              "过去的五年极不平凡，我们经受住多重考验，推动高质量发展迈出坚实步伐。\n"
                                              "五年来，我们精心呵护绿水青山，生态文明建设不断深化，森林覆盖率达61.2%，"
                                              "空气质量保持全国前列。\n")
    # a speech delivered in 2026 looks back on the five years to 2025, under a heading naming no year
    assert [(f["indicator"], f["value"], f["year"], f["kind"]) for f in found] == [("森林覆盖率", 61.2, 2025, "reported")]


def test_five_years_looked_back_on_end_before_the_year_the_report_was_delivered_in(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "政府工作报告\n2017年1月9日在泸州市第八届人民代表大会第一次会议上\n"
                                              "泸州市人民政府市长 某某\n各位代表：\n我代表市人民政府，向大会报告工作，请予审查，并请市政协委员提出意见。\n"
                                              "过去五年工作回顾\n过去五年，是泸州发展进程中极不平凡、极富挑战的五年，我们圆满完成本届政府"
                                              "各项目标任务。\n"
                                              "过去五年，我们攻坚克难、加快发展，综合实力进一步增强。工业转型步伐加快，"
                                              "规上工业企业总数达到705户，工业总产值突破2300亿元。\n")
    # no date but the day it was delivered: the five years end with 2016
    assert [(f["value"], f["year"]) for f in found] == [(705, 2016), (2300, 2016)]


def test_the_holding_of_a_firms_capacity_is_no_end_of_its_name(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "大唐发电去年净利润创新高\n\n2025年04月16日 来源:证券日报\n\n"
                                              "大唐发电股份有限公司(以下简称“大唐发电”)2024年盈利规模创下历史新高。\n\n"
                                              "4月15日晚间,大唐发电披露2024年年度报告。报告期内,公司实现营业收入1230.5亿元。\n\n"
                                              "截至2024年末,大唐发电控股装机容量7500万千瓦,其中火电5200.5万千瓦。\n")
    # 大唐发电|控股装机容量: the capacity the firm controls, not a firm 大唐发电控股
    assert [(f["value"], f["unit"]) for f in found] == [(1230.5, "亿元"), (7500, "万千瓦"), (5200.5, "万千瓦")]
    assert len({f["subject"] for f in found}) == 1, found


def test_a_zone_leading_the_province_is_no_province_speaking_in_a_citys_plan(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "淮安市人民政府办公室关于印发淮安市智能制造三年行动计划（2025-2027年）的通知\n"
                                              "各县（区）人民政府，市各有关部门：\n"
                                              "《淮安市智能制造三年行动计划（2025-2027年）》已经市政府常务会议审议通过，现印发给你们，"
                                              "请认真贯彻落实。\n淮安市人民政府办公室\n2025年8月8日\n"
                                              "为全面落实江苏省智能制造行动部署，加快推进淮安制造业转型，制定本行动计划。\n"
                                              "一、总体目标\n坚持创新驱动，打造全省智能制造融合发展先行区，为淮安现代化建设提供支撑。"
                                              "到2027年，累计完成技术改造投资超800亿元。\n")
    # 打造全省…先行区 ranks the city's zone in the province: the plan still speaks for 淮安市, not 江苏省
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("淮安市", 800, 2027)]


def test_a_clause_after_clauses_of_no_figure_keeps_the_year_of_the_targets_before(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年江西省政府工作报告\n各位代表：\n三、扎实做好今年工作\n"
                                              "今年经济社会发展的主要预期目标是：全省地区生产总值增长5.5%左右；"
                                              "居民收入增长与经济增长同步；粮食产量440亿斤以上；"
                                              "完成国家下达的节能降碳目标。\n")
    # 粮食产量 two clauses after the last figure, the one between stating none: still this year's target
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [(5.5, 2026, "target"), (440, 2026, "target")]


def test_teams_and_funds_are_counted_things(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年江西省政府工作报告\n各位代表：\n一、2025年工作回顾\n"
                                              "人才加快集聚，引进15支乡村振兴创业团队，新设产业投资基金12支。\n")
    assert [(f["value"], f["unit"], f["year"]) for f in found] == [(15, "支", 2025), (12, "支", 2025)]


def test_a_measure_per_unit_written_before_the_value_is_its_units_divisor(extractor):
    found = only(extractor, "2025年，南昌市PM2.5平均浓度低于每立方米25微克。")
    assert (found["comparator"], found["value"], found["unit"]) == ("≤", 25, "微克/立方米")
    assert "每" not in found["indicator"], found


def test_a_bare_ten_thousand_neared_is_one_wan(extractor):
    found = only(extractor, "2025年，南昌市开展促消费活动近万场。")
    assert (found["comparator"], found["value"], found["unit"], found["year"]) == ("≈", 1, "万场", 2025)


def test_a_place_opening_a_rankings_name_is_not_the_subject_of_its_count(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年江西省政府工作报告\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "民营经济加快发展，中国企业500强中有12家企业上榜。\n")
    # 中国|企业500强: the ranking's name; the firms listed are the province's
    assert [(f["subject"], f["value"]) for f in found] == [("江西省", 12)]


def test_the_set_a_count_is_among_is_no_figure(extractor):
    found = only(extractor, "2018年前三季度，河南省35个工业大类行业中有30个增加值保持增长。")
    assert (found["value"], found["unit"]) == (30, "个")


def test_starting_values_after_a_change_between_two_years_are_of_its_first(extractor):
    found = figures(extractor, "泸州市地区生产总值从2011年的900.5亿元增加到2016年的1480亿元；"
                               "人均GDP从21000元增加到34000元；一般公共预算收入从60.2亿元增加到110.5亿元。")
    # the clauses after the first list changes over its years: their starting values are 2011's
    assert [(f["value"], f["year"]) for f in found] == [
        (900.5, 2011), (1480, 2016), (21000, 2011), (34000, 2016), (60.2, 2011), (110.5, 2016)]


def test_changes_since_last_years_end_are_each_of_the_share_before_them(extractor):
    found = figures(extractor, "2023年末，阳高县城镇常住人口占常住人口比重为45.1%，比上年末提高0.8个百分点，"
                               "乡村常住人口占常住人口比重54.9%，比上年末下降0.8个百分点。")
    # the same change twice, of two shares: both stay, each of its own share
    assert [(f["value"], f["unit"]) for f in found] == [(45.1, "%"), (0.8, "个百分点"), (54.9, "%"), (0.8, "个百分点")]


def test_a_tables_number_is_no_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2024年富拉尔基区国民经济和社会发展统计公报\n"
                                              "人口。全区户籍总人口25.1万人，其中城镇人口24.6万人。\n表1 户籍人口数及其构成\n"
                                              "全区人大代表300名。\n")
    # 表1 户籍…: the table's number before its title, no 1户 (but 代表300名 is a count)
    assert [(f["value"], f["unit"]) for f in found] == [(25.1, "万人"), (24.6, "万人"), (300, "名")]


def test_a_place_naming_things_gained_by_recognition_is_no_subject_of_their_count(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年福建省政府工作报告\n各位代表：\n"
                                              "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
                                              "闽台融合深入推进，新增直接采认香港地区职业技能资格8项。\n")
    # 香港地区职业技能资格: whose qualifications they are; the province recognised them
    assert [(f["subject"], f["value"]) for f in found] == [("福建省", 8)]


def test_a_firms_name_under_its_announcements_title_is_not_glued_to_the_title(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "华岭电子:2023年度业绩快报公告\n华岭电子技术股份有限公司\n"
                                              "2023年度业绩快报公告本公司董事会保证本公告内容不存在任何虚假记载。\n"
                                              "一、2023年度主要财务数据和指标\n单位:人民币万元\n"
                                              "项 目 | 本报告期 | 上年同期 | 增减变动幅度(%) |\n"
                                              "营业总收入 | 12,082.00 | 10,104.07 | 19.58 |\n")
    # 业绩快报公告|华岭电子…: the title's kind of notice ends the firm's name on the line joined to it
    assert {f["subject"] for f in found} == {"华岭电子技术股份有限公司"}


def test_a_review_heading_of_the_year_and_the_term_run_into_its_paragraph_dates_its_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2022年青州市政府工作报告\n"
                                              "2022年青州市政府工作报告2022年1月9日在青州市第五届人民代表大会第一次会议上"
                                              "各位代表:现在,我代表市人民政府,向大会报告政府工作,请予审议。 "
                                              "一、2021年和本届政府工作回顾2021年,是开局之年。"
                                              "初步测算,地区生产总值833.9亿元,增长8.1%。\n")
    # 一、2021年和本届政府工作回顾|2021年，…: the heading's year and the term it reviews, its line break lost
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("青州市", 833.9, 2021), ("青州市", 8.1, 2021)]


def test_an_unnumbered_review_heading_run_into_a_paragraph_opening_with_its_year_dates_its_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2024年渭源县政府工作报告 ——2024年1月20日在渭源县第十九届人民代表大会"
                                              "第四次会议上 各位代表：现在，我代表县人民政府，向大会报告工作，请予审议。 "
                                              "2023年工作回顾2023年是开局之年。预计地区生产总值增长6%，一般公共预算收入3.1亿元。\n")
    # 2023年工作回顾|2023年是…: a review heading, its line break lost (预计… names no year)
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("渭源县", 6, 2023), ("渭源县", 3.1, 2023)]


def test_a_page_profiling_two_places_under_their_headings_gives_each_its_own_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "沽源县简介\n"
                                              "2023年上半年，全县地区生产总值完成25.1亿元，同比增长3.2%。\n"
                                              "尚义县基本情况\n"
                                              "2023年1-7月份，全县地区生产总值增长4.4%；固定资产投资增长1.2%。\n")
    # 尚义县基本情况: the profile of another place; its 全县 is 尚义县, no longer the first one
    assert [(f["subject"], f["value"]) for f in found] == [
        ("沽源县", 25.1), ("沽源县", 3.2), ("尚义县", 4.4), ("尚义县", 1.2)]


def test_a_results_tables_change_of_a_rate_in_points_is_the_rates_change_of_the_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "华岭电子:2023年度业绩快报公告\n华岭电子技术股份有限公司\n"
                                              "一、2023年度主要财务数据和指标\n单位:人民币万元\n"
                                              "项 目 | 本报告期 | 上年同期 | 增减变动幅度(%) |\n"
                                              "营业总收入 | 12,082.00 | 10,104.07 | 19.58 |\n"
                                              "加权平均净资产收益率 | 6.85% | 8.06% | 减少1.21个百分点 |\n")
    # 减少1.21个百分点: the change cell of a rate, in points; the row's other values stay read
    assert [(f["indicator"], f["value"], f["unit"], f["year"]) for f in found][3:] == [
        ("加权平均净资产收益率", 6.85, "%", 2023), ("加权平均净资产收益率上年", 8.06, "%", 2022),
        ("加权平均净资产收益率减少", 1.21, "个百分点", 2023)]


def test_undated_news_on_a_work_report_dates_its_figures_by_the_year_the_lead_says_it_reviews(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "拼發展！宿州為2025年“定目標”\n"
                                              "本報訊 1月10日，宿州市市長作政府工作報告。報告回顧了2024年工作，並就2025年工作作出部署。\n"
                                              "1—11月份，全市主要經濟指標穩中有進。全年一般公共預算收入120.5億元，增長4.2%。\n")
    # 1—11月份 names a part of no stated year: the figures are of 2024, the year reviewed, not of the latest named
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [(120.5, 2024, "reported"), (4.2, 2024, "reported")]


def test_the_places_a_ranking_moved_by_are_no_count(extractor):
    found = figures(extractor, "2024年，宿州市地区生产总值2300亿元，总量前进2个位次。")
    assert [(f["value"], f["unit"]) for f in found] == [(2300, "亿元")]


def test_this_years_goals_listed_under_a_five_year_plan_heading_are_of_the_reports_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年安徽省政府工作报告\n时间：2026-01-20\n各位代表：\n"
                                              "二、“十五五”时期的主要目标任务\n"
                                              "综合考虑各方面因素，今年经济社会发展主要预期目标为：全省生产总值增长5.5%；"
                                              "城镇调查失业率5.5%以内；居民消费价格涨幅2%左右。\n")
    # 今年 and the clauses after the lead's colon, each ending at ；: 2026, not the period's 2030
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [
        (5.5, 2026, "target"), (5.5, 2026, "target"), (2, 2026, "target")]


def test_a_firms_half_year_results_after_a_wires_byline_are_the_firms_and_the_year_befores_are_its(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "獐子岛：上半年净利润亏损1200万元\n"
                                              "中证网讯（记者 李明）獐子岛（002069）8月20日晚发布2019年半年报。报告期内，"
                                              "公司实现营业收入10.5亿元，同比下降6.2%；归属于上市公司股东的净利润亏损1198.5万元，"
                                              "上年同期盈利980.3万元。\n")
    # 獐子岛, a place's name too, is the firm announcing (公司 in the body); 上年同期盈利… is 2018's result
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [
        ("獐子岛", 1200, 2019), ("獐子岛", 10.5, 2019), ("獐子岛", 6.2, 2019), ("獐子岛", 1198.5, 2019),
        ("獐子岛", 980.3, 2018)]
    assert {f["subject_type"] for f in found[1:]} == {"Enterprise"}


def test_a_power_price_cut_in_cents_per_kilowatt_hour_is_a_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年湖北省政府工作报告\n"
                                              "2025年，全省工商业平均电价下降3分/千瓦时，城镇新增就业80万人。\n")
    assert [(f["subject"], f["value"], f["unit"], f["year"]) for f in found] == [
        ("湖北省", 3, "分/千瓦时", 2025), ("湖北省", 80, "万人", 2025)]


def test_a_sector_narrowed_by_traditional_before_its_name_is_not_the_recognised_sectors(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年江苏省政府工作报告\n"
                                              "2025年，改造提升传统产业，12个重点传统制造业增加值增长4.8%。\n")
    # 传统|制造业: 传统制造业 grew, not all of 制造业: the province's figure
    assert [(f["subject"], f["value"]) for f in found if f["unit"] == "%"] == [("江苏省", 4.8)]


def test_a_title_run_into_the_pages_stamp_and_lead_names_only_the_place_before_the_stamp(extractor, tmp_path):
    # the page's title, date, source and lead joined on one line: 南山区 of the lead's 对标深圳南山 is no
    # second place in the title rivalling the one whose 全区 the text speaks for
    found = read_figures(extractor, tmp_path, "- 2024一季度洛龙区经济运行分析-日期：2024-06-03来源：区统计局今年以来，"
                                              "全区上下锚定“对标深圳南山，建设创新高地”目标，经济运行实现平稳开局。"
                                              "一季度全区地区生产总值157.23亿元，同比增长3.4%。\n")
    assert [(f["subject"], f["indicator"], f["value"], f["year"]) for f in found] == [
        ("洛龙区", "一季度全区地区生产总值", 157.23, 2024), ("洛龙区", "一季度全区地区生产总值增速", 3.4, 2024)]


def test_each_paragraph_of_a_round_up_of_results_is_the_firm_it_opens_with_by_its_stock_code(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2015年上市公司中报速递\n\n"
                                              "东海航运（601999）8月20日晚间发布2015年半年度报告。2015年上半年，公司实现营业收入12.5亿元。\n\n"
                                              "春秋航空（601021）中报显示，上半年营收39.5亿元，同比增长15.04%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("东海航运", 12.5), ("春秋航空", 39.5), ("春秋航空", 15.04)]


def test_a_verb_the_recogniser_took_for_a_firm_is_no_subject(extractor, tmp_path):
    from kg.extract.figures import find_figures
    from kg.ingest import read_document
    from kg.model import Entity, Mention
    from kg.vocab import entity_iri

    path = tmp_path / "text.txt"
    path.write_text("2015年上市公司中报速递\n\n天池矿业(002999)8月23日晚间披露2015年半年报，报告期内公司实现营业收入7.55亿元，"
                    "同比增长16%；实现净利润4097万元，同比增长135%。\n", encoding="utf-8")
    extraction = extractor.extract(read_document(path))
    start = extraction.document.text.index("实现净利润")  # as the recogniser took it in a round-up of 20 firms
    extraction.entities.append(Entity(type="Enterprise", name="实现", key="实现", iri=entity_iri("Enterprise", "实现"),
                                      mentions=[Mention("实现", start, start + 2, 1)], confidence=0.5))
    found = find_figures(extraction, extractor.reference)
    assert [(extraction.entity(f.subject).name, f.value) for f in found if f.unit == "万元"] == [("天池矿业", 4097)]


def test_a_part_of_a_work_report_under_a_title_naming_its_year_states_that_years_targets(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "权威发布:2023年浙江省政府工作报告(全文)\n\n2023-01-18 10:03:51 作者: 新闻中心:2\n\n"
                                              "  (四)拓市场引外资,进一步扩大开放型经济发展优势。千方百计推动外贸平稳增长,"
                                              "力争实际使用外资突破200亿美元。\n\n"
                                              "  (五)把扩大消费摆在优先位置。推动消费复苏回暖,力争社会消费品零售总额增长4.5%左右。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found] == [
        ("浙江省", 200, 2023, "target"), ("浙江省", 4.5, 2023, "target")]


def test_a_dash_after_a_values_unit_opens_a_range_not_a_negative_value(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2015年上市公司中报速递\n\n"
                                              "南岭文化（002998）8月21日晚间披露了2015年半年报。公司预计2015年1-9月净利润变动区间为"
                                              "7485.64万元-9357.05万元。\n")
    assert all(f["value"] > 0 for f in found)



def test_a_distribution_per_so_many_shares_states_a_ratio_not_a_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2015年上市公司中报速递\n\n"
                                              "东海航运（601999）8月20日晚间公告披露2015年半年度利润分配预案：拟以截至2015年6月30日"
                                              "公司总股本8000万股为基数，进行资本公积金转增股本，向全体股东每10股转增10股。\n")
    assert [(f["value"], f["unit"]) for f in found] == [(8000, "万股")]


def test_a_paragraph_opening_with_last_year_dates_its_later_sentences_measures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "江西2024年汽车产量首次突破90万辆\n来源:江西日报 责任编辑:李明 分享到 2025-01-22 16:54:17\n\n"
                                              "1月22日,江西省发改委发布消息,我省去年汽车产量首次突破90万辆,达95.6万辆。\n\n"
                                              "去年,我省聚焦建设新能源汽车产业集群目标,推动汽车产业发展取得显著成效。"
                                              "根据统计数据显示,全年新能源汽车产量达40.2万辆,同比增长23.3%。\n")
    assert [(f["value"], f["year"]) for f in found if f["value"] in (40.2, 23.3)] == [(40.2, 2024), (23.3, 2024)]


def test_a_firm_another_firm_has_income_from_is_not_that_incomes_subject(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2015年上市公司中报速递\n\n"
                                              "东方证券（600958）8月21日晚间披露的中报显示，该公司上半年实现营业收入97.12亿元。\n\n"
                                              "长白药业（000999）8月21日晚间披露了2015年半年报，报告期公司实现营业收入11.39亿元。"
                                              "其中，公司对东方证券的投资收益为4.91亿元，同比增长23.35%。\n")
    assert [f["subject"] for f in found if f["value"] in (4.91, 23.35)] == ["长白药业", "长白药业"]


def test_a_place_named_inside_a_longer_places_name_is_not_the_subject(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "权威发布:2023年浙江省政府工作报告(全文)\n\n2023-01-18 10:03:51 作者: 新闻中心:2\n\n"
                                              "  (四)拓市场引外资,进一步扩大开放型经济发展优势。提升重大开放平台能级,"
                                              "力争实现宁波舟山港集装箱吞吐量3400万标箱。\n\n"
                                              "  (五)把扩大消费摆在优先位置。推动消费复苏回暖,力争社会消费品零售总额增长4.5%左右。\n")
    assert [(f["subject"], f["value"]) for f in found if f["unit"] == "万标箱"] == [("宁波舟山港", 3400)]


def test_a_plans_goal_year_its_news_quotes_dates_the_paragraphs_later_goals(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "通信网消息 近日,江门市人民政府办公室印发《关于加快发展先进制造业的实施方案》(以下简称"
                                              "《实施方案》)。\n《实施方案》提到,到2026年江门市先进制造业增加值超过2000亿元。"
                                              "打造形成3个千亿级产业集群。规模以上工业企业超过5000家。\n")
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [
        (2000, 2026, "target"), (3, 2026, "target"), (5000, 2026, "target")]


def test_the_first_of_a_class_a_value_names_is_no_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "一、2024年工作回顾\n这一年,园区改革发展实现重大突破。"
                                              "梧州市龙湖产业园产值首次突破200亿元,成为梧州首个200亿元园区。\n")
    assert [f["value"] for f in found] == [200]


def test_a_value_whose_clause_is_only_its_verb_keeps_the_time_of_the_clause_before(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "湖北钢材产量创新高\n\n2025-01-20 09:30 来源:湖北日报\n\n"
                                              "1月20日,湖北省统计局发布消息,我省去年钢材产量历史上首次突破4000万吨,"
                                              "达4120万吨。\n")
    assert [(f["value"], f["year"]) for f in found if f["unit"] == "万吨"] == [(4000, 2024), (4120, 2024)]


def test_a_places_total_is_the_places_whatever_sector_an_earlier_clause_spoke_of(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2024年江苏省政府工作报告(全文)\n\n2024-01-20 09:00 来源:新华日报\n\n"
                                              "  (一)全力推动江苏经济稳中向好。千方百计扩大有效投资,力争江苏省地区生产总值增长5%以上。\n\n"
                                              "  (二)把激活和扩大消费摆在优先位置,进一步提升传统消费、培育新型消费。推动消费复苏回暖,"
                                              "鼓励消费模式、消费业态、消费场景创新,力争社会消费品零售总额增长6%左右。\n")
    assert [(f["subject"], f["value"]) for f in found if f["indicator"].startswith("社会消费品")] == [("江苏省", 6)]


def test_a_bare_magnitude_passed_takes_the_counted_word_of_the_value_it_reaches(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "湖北汽车产量创新高\n\n2025-01-20 09:30 来源:湖北日报\n\n"
                                              "1月20日,湖北省统计局发布消息,我省去年新能源汽车产量首次突破百万大关,"
                                              "达128.6万辆。\n")
    assert [(f["value"], f["unit"]) for f in found] == [(100, "万辆"), (128.6, "万辆")]


def test_works_of_the_year_looked_back_on_in_news_on_a_work_report_are_of_that_year(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "景谷傣族彝族自治县第十八届人民代表大会第二次会议开幕\n\n发布日期:2023-02-10\n\n"
                                              "2月9日上午,景谷傣族彝族自治县第十八届人民代表大会第二次会议隆重开幕。\n\n"
                                              "县长代表县人民政府向大会作政府工作报告。\n\n"
                                              "报告指出,一年来,主要做了以下工作:谋划储备重大项目80个,总投资120.5亿元,"
                                              "实施重点项目30个,完成投资25.6亿元;交通、\n")
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [
        (80, 2022, "reported"), (120.5, 2022, "reported"), (30, 2022, "reported"), (25.6, 2022, "reported")]


def test_a_quarter_inside_the_titles_first_three_quarters_is_a_measures_time(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "前三季度国民经济运行稳中有进\n(2016年10月19日)\n中华人民共和国国家统计局\n"
                                              "初步核算,前三季度国内生产总值529971亿元,同比增长6.7%。"
                                              "分季度看,一季度同比增长6.7%,二季度增长6.7%,三季度增长6.7%。\n")
    assert [f["value"] for f in found] == [529971, 6.7, 6.7, 6.7, 6.7]


def test_a_unit_per_month_or_with_a_bracketed_alternative_is_read_whole_and_the_words_go_on_past_it(extractor):
    found = figures(extractor, "2025年，安徽省城市低保人均保障标准从796元/月提高至842元/月，"
                               "新增保障性租赁住房3.8万套（间）、累计61万套（间），改造棚户区2.6万户（套）。")
    assert [(f["value"], f["unit"]) for f in found] == [(842, "元/月"), (3.8, "万套（间）"), (61, "万套（间）"),
                                                        (2.6, "万户")]
    assert "（间）" not in found[2]["indicator"]  # not （间）、累计


def test_livestock_counted_in_head_or_each_keep_both_classifiers(extractor):
    found = figures(extractor, "2023年，准格尔旗年末牲畜存栏112.4万头（只），生猪出栏50.2万头。")
    assert [(f["value"], f["unit"]) for f in found] == [(112.4, "万头（只）"), (50.2, "万头")]


def test_computing_power_is_counted_in_p_but_not_a_latin_word_opening_with_it(extractor):
    found = figures(extractor, "2025年，安徽省建成智能算力超4.8万P，存储容量达到10PB。")
    assert [(f["comparator"], f["value"], f["unit"]) for f in found] == [("≥", 4.8, "万P")]


def test_computing_power_is_the_places_not_the_sectors_named_before_it(extractor):
    found = figures(extractor, "2025年，青海省大力发展算力产业，建成标准机架4万架、算力规模超2.2万P。")
    assert [(f["subject"], f["value"], f["unit"]) for f in found if f["unit"] == "万P"] == [("青海省", 2.2, "万P")]


def test_events_are_counted_in_起(extractor):
    found = figures(extractor, "2025年，安徽省完成并购重组397起、1767.8亿元，发生安全生产事故3起。")
    assert [(f["indicator"], f["value"], f["unit"]) for f in found if f["unit"] == "起"] == [
        ("并购重组", 397, "起"), ("发生安全生产事故", 3, "起")]


def test_a_services_volume_in_a_provinces_report_is_the_provinces(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年安徽省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"
                                              "一、2025年工作回顾\n现代服务业加快发展，新增5A级物流企业3家，快递业务量增长20.8%。\n")
    assert [(f["subject"], f["value"]) for f in found if f["value"] == 20.8] == [("安徽省", 20.8)]


def test_a_clause_naming_no_place_after_places_listed_clause_by_clause_is_the_provinces(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年安徽省政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"
                                              "一、2025年工作回顾\n高水平对外开放迈出新步伐。蚌埠综合保税区封关运行，滁州保税物流中心（B型）获批设立，"
                                              "新开通国际客货运航线15条，合肥中欧班列全年发运突破千列，芜湖中欧班列顺利首开，"
                                              "港口货物吞吐量增长5.7%。\n")
    assert [(f["subject"], f["value"]) for f in found if f["value"] in (15, 5.7)] == [("安徽省", 15), ("安徽省", 5.7)]


def test_a_value_of_hundreds_of_digits_is_kept_to_its_last_digit(extractor, tmp_path):
    """Four hundred digits read as a float were infinite (and the figure dropped): as a Decimal they are
    the figure's value, written as a JSON number of exactly those digits."""
    import json
    from decimal import Decimal

    from kg.exact_numbers import json_text
    from kg.extract import extraction_to_json
    from kg.ingest import read_document

    path = tmp_path / "plan.txt"
    path.write_text("江苏省新能源汽车产业发展规划\n\n到2025年，全省新能源汽车产值达到" + "9" * 400
                    + "亿元，全省新能源汽车产量达到100万辆。\n", encoding="utf-8")
    document = read_document(path)
    text = json_text(extraction_to_json(extractor.extract(document)), ensure_ascii=False)
    assert [(f["value"], f["unit"]) for f in json.loads(text, parse_float=Decimal)["targets"]] == [
        (int("9" * 400), "亿元"), (100, "万辆")]
    assert document.notes == []


def test_a_value_of_more_digits_than_a_float_holds_is_printed_as_stated(tmp_path):
    """kg extract --format json printed 12345678901234567890.12亿元 as 12345678901234567000 (a float's 17
    digits) and 0.10000000000000001% as 0.1: the JSON number is the stated one, digit for digit, and the
    Chinese numerals' 三千亿元 an exact 3000."""
    from click.testing import CliRunner

    from kg.cli import cli

    path = tmp_path / "plan.txt"
    path.write_text("江苏省数字经济发展规划\n\n到2025年，全省数字经济规模达到12345678901234567890.12亿元，"
                    "全省数字经济核心产业增加值占比达到0.10000000000000001%，全省软件业务收入达到三千亿元。\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"value": 12345678901234567890.12,' in result.output
    assert '"value": 0.10000000000000001,' in result.output
    assert '"value": 3000,' in result.output


def test_a_motto_heading_naming_the_year_before_the_speech_is_its_review(extractor, tmp_path):
    # a spaced title, the day of delivery printed across two lines, and a year named only in the heading's motto
    found = read_figures(extractor, tmp_path, "政 府 工 作 报 告\n——2025年1月10日在光明区第三届\n人民代表大会第四次会议上\n"
                                              "各位代表:\n现在,我代表光明区人民政府,向大会报告政府工作,请予审议。\n"
                                              "一、砥砺奋进、开拓创新,2024年光明高质量发展取得新成效\n"
                                              "2024年是实现“十四五”规划目标任务的关键一年。过去一年,我们坚持稳中求进工作总基调,"
                                              "完整准确全面贯彻新发展理念,大力实施高质量发展十大计划,进一步全面深化改革,"
                                              "扩大高水平对外开放,有力推动光明高质量发展取得新突破新成效。\n"
                                              "——经济运行稳中有进。地区生产总值达1500亿元、增长6.1%。\n")
    assert [(f["subject"], f["value"], f["year"], f["kind"]) for f in found] == [("光明区", 1500, 2024, "reported"),
                                                                                 ("光明区", 6.1, 2024, "reported")]


def test_a_notice_titled_with_a_firm_name_the_recogniser_cuts_at_a_place_is_the_firms(extractor, tmp_path):
    # 中国|巨石: a place and a firm to the recogniser, named once, in the title of the firm's numbered notice
    found = read_figures(extractor, tmp_path, "中国巨石: 2025-12 关于2024年度利润分配预案的公告\n"
                                              "利润分配方案基本情况 - 2024年末总股本为8.5亿股,拟每10股派发现金红利3.2元(含税)[1]\n")
    assert [(f["subject"], f["value"], f["year"]) for f in found] == [("中国巨石", 8.5, 2024), ("中国巨石", 3.2, 2024)]


def test_a_zone_named_by_its_kind_alone_is_not_carried_to_the_provinces_later_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年河南省政府工作报告\n"
                                              "——2026年1月20日在河南省第十四届人民代表大会第四次会议上\n"
                                              "一、2025年工作回顾\n"
                                              "原油等大宗商品进口增长6.1%。自贸试验区5项创新成果在全国推广。"
                                              "郑州倡议发布，26项成果纳入成果清单。营商环境优化提升。"
                                              "推行“一件事”机制，好办易办率超过95%。“12345”热线受理诉求3000多万件。\n")
    assert [(f["subject"], f["value"]) for f in found if f["value"] in (26, 95, 3000)] == [
        ("河南省", 26), ("河南省", 95), ("河南省", 3000)]


def test_a_sectors_loans_are_a_figure_of_the_provinces_finance(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年河南省政府工作报告\n"
                                              "——2026年1月20日在河南省第十四届人民代表大会第四次会议上\n"
                                              "一、2025年工作回顾\n"
                                              "社会融资规模增长8.2%，制造业中长期贷款余额增长12.4%。\n")
    assert [(f["subject"], f["value"]) for f in found] == [("河南省", 8.2), ("河南省", 12.4)]


def test_a_firm_named_in_a_projects_name_gives_the_later_clauses_share_to_no_firm(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "2026年河南省政府工作报告\n"
                                              "——2026年1月20日在河南省第十四届人民代表大会第四次会议上\n"
                                              "三、2026年重点工作\n"
                                              "推进重点项目建设。提速安钢周口基地二期、永锋临港焦钢一体化等重大项目，"
                                              "力争高端精品钢产量占比达到45%左右。全省粮食产量达到1300亿斤。\n")
    assert [f["subject"] for f in found if f["value"] == 45] == ["河南省"]


def test_firm_news_paragraphs_after_a_dated_opening_naming_no_firm_are_that_firms(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, (
        "中国神华2023年净利润596.94亿元 万华化学营收增长5.9%\n\n证券日报  2024-03-30\n\n"
        "3月22日晚，中国神华能源股份有限公司（601088.SH）发布2023年年度报告。报告期内，公司实现营业收入3430.74亿元，"
        "同比下降0.4%；归属于上市公司股东的净利润596.94亿元，同比下降14.3%。\n"
        "煤炭业务方面，2023年公司商品煤产量3.25亿吨，同比增长3.3%；煤炭销售量4.5亿吨。\n"
        "化工龙头万华化学同日披露年报。2023年，万华化学实现营业收入1753.61亿元，同比增长5.92%；归属于上市公司股东的"
        "净利润168.16亿元，同比增长3.59%。其中，聚氨酯系列收入702.3亿元，石化系列收入637.1亿元。\n"))
    assert {(f["subject"], f["value"]) for f in found if f["value"] in (3430.74, 3.25, 4.5, 1753.61, 702.3, 637.1)} == {
        ("中国神华能源股份有限公司", 3430.74), ("中国神华能源股份有限公司", 3.25), ("中国神华能源股份有限公司", 4.5),
        ("万华化学", 1753.61), ("万华化学", 702.3), ("万华化学", 637.1)}



def test_the_rank_news_gives_a_firm_before_its_name_is_not_part_of_whose_figure(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, (
        "海螺水泥2023年净利润104.3亿元 格力电器营收突破2000亿元\n\n中国证券报  2024-04-30\n\n"
        "海螺水泥（600585.SH）4月29日晚间发布2023年年度报告，公司实现营业收入1409.99亿元，同比下降6.6%。\n"
        "家电龙头格力电器同日披露年报。2023年，格力电器实现营业总收入2050.18亿元，同比增长7.82%。其中，空调业务收入"
        "1512.2亿元，生活电器业务收入42.5亿元。\n"))
    assert {(f["subject"], f["value"]) for f in found if f["value"] in (2050.18, 1512.2, 42.5)} == {
        ("格力电器", 2050.18), ("格力电器", 1512.2), ("格力电器", 42.5)}


def test_computing_power_written_in_flops_is_a_figure_of_the_place(extractor):
    found = figures(extractor, "到2026年，贵州省算力总规模超过15EFLOPS，其中智能算力达到800PFLOPS。")
    assert [(f["value"], f["unit"], f["comparator"], f["year"], f["subject_type"]) for f in found] == [
        (15, "EFLOPS", "≥", 2026, "Region"), (800, "PFLOPS", "=", 2026, "Region")]


def test_places_traded_with_are_not_whose_trade(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, "新疆维吾尔自治区2024年政府工作报告\n一、2023年工作回顾\n"
                                              "全区外贸进出口总额3573亿元。中欧班列开行1.4万列，增长40%。对中亚西亚进出口额"
                                              "达到2500亿元。实际利用外资10亿美元。\n")
    assert [(f["subject"], f["value"]) for f in found] == [
        ("新疆维吾尔自治区", 3573), ("新疆维吾尔自治区", 1.4), ("新疆维吾尔自治区", 40), ("新疆维吾尔自治区", 2500),
        ("新疆维吾尔自治区", 10)]


def test_a_value_of_the_goal_it_names_after_it_is_a_figure(extractor):
    found = figures(extractor, "2024年，余杭区将锚定地区生产总值增长6.5%以上的目标，力争一般公共预算收入突破300亿元。")
    assert [(f["subject"], f["indicator"], f["comparator"], f["value"], f["year"]) for f in found] == [
        ("余杭区", "地区生产总值", "≥", 6.5, 2024), ("余杭区", "一般公共预算收入", "≥", 300, 2024)]


def test_a_paragraph_whose_data_open_with_a_year_goes_on_in_that_year_not_an_earlier_goal_year(extractor):
    found = figures(extractor, "到2027年，全省低空经济规模突破1000亿元。\n"
                               "统计显示，2024年四川低空经济规模达到420亿元，增长25%。成都市无人机产业营业收入达到180亿元，增长31.5%。\n")
    assert [(f["value"], f["year"], f["kind"]) for f in found] == [
        (1000, 2027, "target"), (420, 2024, "reported"), (25, 2024, "reported"), (180, 2024, "reported"),
        (31.5, 2024, "reported")]


@pytest.mark.parametrize("text, stated", [
    ("迈瑞医疗4月29日晚披露的2023年年报显示，公司实现营业收入349.32亿元，同比增长15.04%。其中，体外诊断业务收入"
     "125.53亿元，增长19.36%；医学影像业务收入70.03亿元，下降4.96%。",
     [("体外诊断业务收入增速", 19.36), ("医学影像业务收入下降", 4.96)]),
    ("2023年，江苏省规模以上工业增加值同比下降3.2%，社会消费品零售总额增长6.5%。全省出口额1.2万亿元，减少2.3%。",
     [("规模以上工业增加值下降", 3.2), ("社会消费品零售总额", 6.5), ("出口额下降", 2.3)]),
    ("2023年，江苏省进口额8000亿元，比上年减少1.9%；耕地化肥、农药施用量均降低10%。",
     [("进口额下降", 1.9), ("耕地化肥下降", 10), ("农药施用量下降", 10)]),
])
def test_a_fall_is_stated_as_a_fall_never_as_a_growth(extractor, text, stated):
    rates = [(f["indicator"], f["value"]) for f in figures(extractor, text) if f["unit"] == "%"]
    assert rates[-len(stated):] == stated


def test_a_second_firms_paragraph_naming_it_once_after_its_rank_is_that_firms(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, (
        "隆基绿能2023年净利润107.5亿元\n\n证券时报网讯  2024年4月29日晚间，隆基绿能科技股份有限公司（601012.SH）发布2023年"
        "年度报告。报告期内，公司实现营业收入1294.98亿元，同比下降7.59%。\n"
        "同日，调味品龙头海天味业披露的2023年年报显示，公司全年实现营业收入245.59亿元，同比下降4.10%。分产品看，"
        "酱油收入126.95亿元，蚝油收入42.31亿元。\n"))
    assert {f["subject"] for f in found if f["value"] in (245.59, 4.1, 126.95, 42.31)} == {"海天味业"}


def test_a_firm_opening_the_lead_after_the_wires_dateline_owns_its_paragraphs_company_figures(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, (
        "两家上市公司发布2023年年报\n\n证券时报网讯  2024年4月29日晚间，隆基绿能（601012.SH）发布2023年年度报告。报告期内，"
        "公司实现营业收入1294.98亿元，同比下降7.59%。\n\n同日，海天味业（603288.SH）披露2023年年报，公司全年实现营业收入"
        "245.59亿元，同比下降4.10%。分产品看，酱油收入126.95亿元。\n"))
    assert {(f["subject"], f["value"]) for f in found} == {
        ("隆基绿能", 1294.98), ("隆基绿能", 7.59), ("海天味业", 245.59), ("海天味业", 4.1), ("海天味业", 126.95)}


#: The head and lead of news on two firms' results, the first 宁德时代's (its first figure 4009.17亿元 of 2023).
TWO_FIRMS_RESULTS = ("宁德时代2023年净利润441.21亿元 贵州茅台营收突破1500亿元\n证券时报  2024-04-03\n"
                     "3月15日晚间，宁德时代（300750）披露2023年年度报告。公司2023年实现营业收入4009.17亿元，同比增长22.01%。\n")


def test_a_product_lines_figure_in_a_paragraph_breaking_a_firms_results_down_is_the_firms(extractor, tmp_path):
    # 锂离子电池 is the recogniser's sector 锂电池; under 分业务看 it is a line of the paragraph's firm
    found = read_figures(extractor, tmp_path, TWO_FIRMS_RESULTS + "分业务看，宁德时代2023年动力电池系统销售收入2852.53亿元。"
                                                                  "全年锂离子电池销量390GWh，同比增长35.36%。\n")
    assert [(f["subject"], f["subject_type"], f["value"]) for f in found if f["value"] in (390, 35.36)] == [
        ("宁德时代", "Enterprise", 390), ("宁德时代", "Enterprise", 35.36)]


def test_a_firm_named_by_its_short_name_opening_with_a_place_is_the_firm_not_the_place(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, TWO_FIRMS_RESULTS
                         + "4月2日晚间，贵州茅台酒股份有限公司（600519）发布2023年年度报告。报告显示，公司2023年实现营业总收入"
                           "1505.60亿元。公司拟每10股派发现金红利308.76元（含税），合计派发现金红利387.86亿元。\n"
                           "对于2024年，贵州茅台提出经营目标：营业总收入较上年增长15%左右，完成基本建设投资68.15亿元。\n")
    firm = "贵州茅台酒股份有限公司"
    assert [(f["subject"], f["value"], f["year"]) for f in found if f["value"] in (1500, 387.86, 15, 68.15)] == [
        (firm, 1500, 2023), (firm, 387.86, 2023), (firm, 15, 2024), (firm, 68.15, 2024)]


#: A city's work report printed in traditional script, naming its market 中國小商品城 after the country.
YIWU_REPORT = ("政府工作報告\n——2024年1月10日在義烏市第十七屆人民代表大會第四次會議上\n各位代表：\n"
               "現在，我代表市人民政府，向大會報告工作，請予審議。\n一、2023年工作回顧\n"
               "全市進出口總額5660.5億元。中國小商品城市場成交額2330.5億元，增長14.3%；電子商務交易額4198.2億元。\n"
               "二、2024年主要目標\n力爭全年中國小商品城市場成交額突破2500億元，電子商務交易額突破4500億元。\n")


def test_a_market_whose_name_opens_with_the_countrys_is_no_figure_of_the_country(extractor, tmp_path):
    # 中國|小商品城 is a market in the city, not 中国: its figures, and the clause's after them, are the city's
    found = read_figures(extractor, tmp_path, YIWU_REPORT)
    assert [(f["subject"], f["value"]) for f in found] == [
        ("义乌市", 5660.5), ("义乌市", 2330.5), ("义乌市", 14.3), ("义乌市", 4198.2), ("义乌市", 2500), ("义乌市", 4500)]


#: A national release on a sector naming no region but 全国 (its first figure 3.05亿千瓦).
RENEWABLES_RELEASE = ("国家能源局：2023年我国可再生能源新增装机3.05亿千瓦\n\n"
                      "新华社北京1月25日电  国家能源局25日举行新闻发布会，介绍2023年可再生能源发展情况。\n"
                      "截至2023年底，全国可再生能源发电总装机达到15.16亿千瓦，在全球可再生能源发电总装机中的比重接近40%。\n"
                      "从发电量看，2023年全国可再生能源发电量近3万亿千瓦时。"
                      "其中，风电、光伏发电量达到1.47万亿千瓦时，同比增长23.2%。\n")


def test_a_national_releases_energy_in_trillions_and_share_of_the_worlds_whole_are_the_countrys(extractor, tmp_path):
    found = read_figures(extractor, tmp_path, RENEWABLES_RELEASE)
    assert [(f["subject"], f["value"], f["unit"]) for f in found if f["value"] != 3.05] == [
        ("中国", 15.16, "亿千瓦"), ("中国", 40, "%"), ("中国", 3, "万亿千瓦时"), ("中国", 1.47, "万亿千瓦时"),
        ("中国", 23.2, "%")]
