"""Firm names: their left edges, branches, works and mines, on short sentences of the kind the
corpus holds (invented, not copied from it)."""
from __future__ import annotations

from tests.extract_fixtures import extract, extractor, names, triples  # noqa: F401 (fixture)

from kg.extract.candidates import Candidate
from kg.extract.merge import trim_glued_words
from kg.extract.names import glued_function_chars, has_proper_part, recognise_related_firms
from kg.extract.persons import drop_persons, firms_before_posts, titled_persons


def test_a_conjunction_jieba_glues_to_a_firm_name_is_not_part_of_it(extractor):
    assert glued_function_chars("与阳") == 1 and glued_function_chars("其为") == 2
    assert glued_function_chars("和平") == 0  # a dictionary word keeps its first character
    result = extract(extractor, "今年，华润集团和阳煤集团合作开发煤层气。上周，董事会任命其为美的集团副总裁。")
    firms = names(result, "Enterprise")
    assert {"华润集团", "阳煤集团", "美的集团"} <= firms
    assert not {"和阳煤集团", "董事会任命其为美的集团", "任命其为美的集团"} & firms


def test_a_brand_jieba_splits_into_a_rare_and_a_common_character_is_a_proper_name(extractor):
    # 鹊|字: the pair is no dictionary word, so the name is a brand's, not a kind of firm's
    result = extract(extractor, "以鹊字特种电源公司为依托，做大做强电源产业。")
    assert "鹊字特种电源公司" in names(result, "Enterprise")
    assert not has_proper_part("国有大型公司", "国有大型") and not has_proper_part("省市公司", "省市")


def test_a_verb_of_aim_opens_no_firm_name(extractor):
    result = extract(extractor, "力争金马股份新增生产线年内投产。")
    assert not {name for name in names(result, "Enterprise") if name.startswith("力争")}


def test_a_branch_named_after_a_place_is_one_firm_with_its_parent(extractor):
    result = extract(extractor, "中国人民财产保险股份有限公司江苏分公司负责理赔服务。")
    assert names(result, "Enterprise") == {"中国人民财产保险股份有限公司江苏分公司"}


def test_a_trade_name_before_the_place_of_a_firm_belongs_to_it(extractor):
    result = extract(extractor, "支持单位有湖南华菱湘潭钢铁有限公司。加快推进大唐宝鸡电厂二期工程。")
    firms = names(result, "Enterprise")
    assert {"湖南华菱湘潭钢铁有限公司", "大唐宝鸡电厂"} <= firms
    assert not {"湘潭钢铁有限公司", "宝鸡电厂"} & firms


def test_works_and_mines_with_a_proper_name_are_firms_but_kinds_of_plant_are_not(extractor):
    result = extract(extractor, "韶峰冶炼厂改扩建一期工程竣工投产，扩建西川煤矿生活污水处理设施。"
                                "宜君县污水处理厂建成投运，一批智能工厂加快建设，企业不再盲目海外设厂。")
    firms = names(result, "Enterprise")
    assert {"韶峰冶炼厂", "西川煤矿"} <= firms
    assert not {name for name in firms if name.endswith(("处理厂", "工厂", "设厂"))}


def test_the_members_of_a_list_the_text_calls_firms_are_firms(extractor):
    result = extract(extractor, "芯片封装则主要包括华芯微、恒创光电以及明远半导体等企业。全省共有“金阳”、“日升”、“皓月”等8家企业中标。"
                                "目前看好煤气化、西山煤电、潞安环能等公司的投资机会。")
    assert {"华芯微", "恒创光电", "明远半导体", "金阳", "日升", "皓月", "煤气化", "西山煤电", "潞安环能"} \
        <= names(result, "Enterprise")
    assert not {name for name in names(result, "Enterprise") if name.startswith(("目前", "包括", "主要"))}


def test_lists_of_measures_sectors_or_kinds_of_firm_name_no_firm(extractor):
    result = extract(extractor, "园区从租金减免、稳岗、贷款贴息、转产扩产等方面支持企业复工复产。集聚了芯片、光伏、锂电池等企业。"
                                "韶关港务、韶关物流等物流企业发展壮大。")
    assert not {"租金减免", "稳岗", "贷款贴息", "转产扩产", "芯片", "光伏", "锂电池"} & names(result, "Enterprise")


def test_a_list_closed_by_deng_is_of_firms_when_most_members_are(extractor):
    result = extract(extractor, "油服企业也将受益，包括中国石油、中国石化、中海油、华油工程等。我们的产品仍无法与像GE、西门子、"
                                "飞利浦这样的国际企业巨头相比。")
    firms = names(result, "Enterprise")
    assert {"中国石油", "中国石化", "中海油", "华油工程", "GE", "西门子", "飞利浦"} <= firms
    assert "像GE" not in firms


def test_dictionary_nouns_before_a_firm_word_name_no_firm(extractor):
    result = extract(extractor, "推动甲醇动力技术在货船应用，加强电池动力系统研发，提升氧化锆材料性能。")
    assert not names(result, "Enterprise")


def test_a_groups_short_name_is_its_mention_only_where_a_firm_stands(extractor):
    result = extract(extractor, "2020年美的集团重新调整组织架构，由于美的营收已接近3000亿元，完美的设计更受欢迎。")
    firm = next(e for e in result["entities"] if e["type"] == "Enterprise")
    assert firm["name"] == "美的集团"
    assert [m["text"] for m in firm["mentions"]] == ["美的集团", "美的"]  # not the 美的 of 完美的
    assert [(t["subject"], t["value"], t["unit"]) for t in result["targets"]] == [("美的集团", 3000, "亿元")]


def test_a_list_after_a_colon_closing_a_phrase_on_firms_is_of_firms(extractor):
    result = extract(extractor, "全球光刻机市场被几家巨头把持：阿斯麦、尼康、以及佳能等。")
    assert {"阿斯麦", "尼康", "佳能"} <= names(result, "Enterprise")
    result = extract(extractor, "参会的企业家：张伟、李强等。各有关企业：\n为落实省委、省政府工作部署，现将有关事项通知如下。")
    firms = names(result, "Enterprise")
    assert not {"张伟", "李强"} & firms
    assert not {name for name in firms if name.startswith(("为落实", "省政府"))}


def test_a_list_introduced_as_firms_holds_long_known_names_and_follows_an_adverb(extractor):
    result = extract(extractor, "手术机器人领域主要专利权人包括精锋、北京天智航医疗科技股份有限公司、康诺思腾；还有其他单位。")
    assert {"精锋", "北京天智航医疗科技股份有限公司", "康诺思腾"} <= names(result, "Enterprise")
    result = extract(extractor, "而光伏组件行业的领头羊则包括隆基、晶科、天合等。")
    assert {"隆基", "晶科", "天合"} <= names(result, "Enterprise")


def test_a_list_in_apposition_to_a_rank_of_firms_is_of_firms(extractor):
    result = extract(extractor, "记者走访了锂电龙头企业恒驰新能、博锐达等，了解扩产计划。引导龙头企业加大研发、人才等投入。")
    firms = names(result, "Enterprise")
    assert {"恒驰新能", "博锐达"} <= firms
    assert not {"加大研发", "人才"} & firms  # no list of names follows the rank: a verb does


def test_the_members_a_text_counts_as_firms_are_firms(extractor):
    result = extract(extractor, "全球光刻机几乎被荷兰ASML和日本Nikon两家公司垄断。目前华为、中兴和大唐三家企业份额最大。")
    firms = names(result, "Enterprise")
    assert {"荷兰ASML", "日本Nikon", "华为", "中兴", "大唐"} <= firms
    asml = next(e for e in result["entities"] if e["name"] == "荷兰ASML")
    assert "ASML" in asml["aliases"]  # the firm's own name, without its country
    result = extract(extractor, "北京和上海两家公司签约。发展两家小额贷款公司。华为、中兴两家企业和高校合作。")
    assert names(result, "Enterprise") <= {"华为", "中兴"}  # places are no firms; a count of one kind names none


def test_a_list_closed_by_deng_is_of_firms_when_a_third_of_its_members_are_known(extractor):
    result = extract(extractor, "受益企业包括天科股份、华为、中国石油、蓝箭航天、星河动力、零壹空间等。")
    firms = names(result, "Enterprise")
    assert {"蓝箭航天", "星河动力", "零壹空间"} <= firms
    assert not {"科股份", "包括天科股份"} & firms  # the known firm's own edges stand
    result = extract(extractor, "重点发展集成电路、华为、人工智能、生物医药、新材料、高端装备等。")
    assert names(result, "Enterprise") <= {"华为"}  # one known firm makes no list of firms


def test_a_list_of_known_firms_closed_by_deng_before_the_clause_goes_on_is_of_firms():
    from kg.extract import Extractor

    rules = Extractor(ner=False, relation_model=False, entity_model=False)  # the list rule's own names
    text = "机构资金追捧中国石油、中国石化、长城、东方等的股票，重点发展集成电路、华为、中国石化、人工智能等的应用。"
    listed = {c.name for c in rules.rule_candidates(text) if c.source == "firm_list"}
    assert listed == {"长城", "东方"}  # 等的: the clause goes on after the list; a list of sectors stays one


def test_a_member_opening_with_a_firms_short_form_in_a_list_called_firms_is_a_firm():
    from kg.extract import Extractor

    rules = Extractor(ner=False, relation_model=False, entity_model=False)  # the list rule's own names
    text = "杭钢储运、华茂等运输企业发展壮大。杭钢智慧工厂、宁钢、沪钢等项目加快建设。"
    firms = {c.name for c in rules.rule_candidates(text) if c.type == "Enterprise"}
    assert {"杭钢储运", "华茂"} <= firms  # the short form's unit, and the list is one of firms
    assert "杭钢智慧工厂" not in firms  # a bare 等: the firm's project, not a firm of its own


def test_things_joined_by_a_conjunction_or_a_plus_are_no_firm_the_tagger_names():
    from kg.extract import Extractor

    tagged = Extractor(ner=True, relation_model=False, entity_model=False)
    text = "走进华创锂电芯及储能电池生产车间，构建“互联网+医保+医疗+医药”服务体系。"
    firms = {c.name for c in tagged.rule_candidates(text) if c.type == "Enterprise"}
    assert not any("及" in name or "+" in name for name in firms)


def test_a_placeholder_names_no_firm_or_place(extractor):
    result = extract(extractor, "市场中不时有“XX公司计划使用金刚石散热”的传言。某公司表示将扩产，××集团也在布局，埃克森美孚（ExxonMobil）同样看好。")
    found = {e["name"] for e in result["entities"]}
    assert not {"XX公司", "某公司", "××集团"} & found


def test_a_city_initial_and_a_sector_character_name_a_firm_but_not_in_a_word(extractor):
    result = extract(extractor, "市政府与鞍钢签署合作协议，唐钢出资建设新厂。"
                                "全国钢铁产量回升，轴承钢需求旺盛，上汽车间扩建。")
    firms = names(result, "Enterprise")
    assert {"鞍钢", "唐钢"} <= firms
    assert not {"国钢", "承钢", "上汽"} & firms


def test_people_named_after_their_post_or_saying_something_are_no_firms():
    text = ("东莞宏远集团副总经理覃剑宇建议，加快海外仓布局。覃剑宇还说，订单已排到年底。"
            "联盟副秘书长阮军表示，产能过剩。周明辉表示，明年将扩产。华为表示将加大投入。马钢表示将扩产。")
    assert titled_persons(text) == {"覃剑宇", "阮军"}

    def firm(name: str, at: str, source: str = "model") -> Candidate:  # ``name`` where ``at`` opens
        start = text.index(at)
        return Candidate(start, start + len(name), "Enterprise", name, source=source)

    firms = [firm("宏远集团", "宏远集团"), firm("覃剑宇", "覃剑宇还"), firm("阮军", "阮军"),
             firm("周明辉", "周明辉"), firm("华为", "华为"), firm("马钢", "马钢", "firm_short_form")]
    kept = {c.name for c in drop_persons(text, firms)}
    # 华为 is a dictionary word, no surname-and-given-name; 马钢 is a firm's short form, whatever its shape
    assert kept == {"宏远集团", "华为", "马钢"}


def test_the_name_before_a_post_only_firms_have_and_its_holder_is_a_firms():
    text = ("对储能行业有研究的江苏恒信资产基金经理李浩表示，电池价格将企稳。”华腾制造总经理孙立告诉记者，订单增长。"
            "海通证券电力设备行业首席分析师周明辉指出，装机将提速。公司副董事长刘聪说，产能已满。"
            "市发展改革委主任王强表示，项目已开工。知名基金经理李明认为，估值合理。资深证券分析师赵敏说，需求旺盛。")
    place = text.index("江苏")
    firms = [c.name for c in firms_before_posts(text, [Candidate(place, place + 2, "Region", "江苏省")])]
    assert firms == ["江苏恒信资产", "华腾", "海通证券"]  # past a division (制造) or a desk (电力设备行业)
    # a bare 公司 names no firm; 主任 is no firm's post; 知名, 资深证券 describe the person


def test_a_firm_before_its_managers_post_is_found(extractor):
    text = "对储能行业有研究的恒信资产基金经理杨帆表示，电池价格将企稳。瑞丰制造总经理孙立告诉记者，订单增长。"
    firms = names(extract(extractor, text), "Enterprise")
    assert {"恒信资产", "瑞丰"} <= firms and not {"杨帆", "孙立", "瑞丰制造"} & firms


def test_a_firm_a_known_firm_founds_buys_or_joins_in_a_venture_is_a_firm():
    text = ("格力电器成立凌达科创，比亚迪收购弗迪，宝钢与鑫联合资建设冷轧线。格力电器成立产业联盟，宝钢与我市企业合资经营，"
            "比亚迪成立工作组。")
    known = [Candidate(m, m + len(name), "Enterprise", name) for name in ("格力电器", "比亚迪", "宝钢")
             for m in (i for i in range(len(text)) if text.startswith(name, i))]
    firms = [c.name for c in recognise_related_firms(text, known)]
    assert firms == ["凌达科创", "弗迪", "鑫联"]  # not a class of bodies (产业联盟), 我市企业 nor 工作组
    text = "比亚迪收购弗迪后，产能翻番。"
    known = [Candidate(0, 3, "Enterprise", "比亚迪")]
    assert [c.name for c in recognise_related_firms(text, known)] == ["弗迪"]  # 后 closes the clause's time


def test_a_listed_firms_short_name_ends_in_gufen_konggu_or_dianqi(extractor):
    result = extract(extractor, "力争恒润股份新增生产线年内投产，德业控股在掌握变频器技术后进入储能，支持华宝电器扩建厨电生产线。"
                                "推进国有控股企业股份制改革，公司控股子公司已投产，家用电器销量增长。")
    firms = names(result, "Enterprise")
    assert {"恒润股份", "德业控股", "华宝电器"} <= firms
    assert not {name for name in firms if name.endswith(("控股", "股份", "电器"))} - {"恒润股份", "德业控股", "华宝电器"}
    result = extract(extractor, "2017年，美的集团控股库卡，进军机器人产业。")
    assert "美的集团控股" not in names(result, "Enterprise")  # 控股 after a firm's full name: it holds another


def test_a_verb_after_a_trade_name_is_inside_the_firms_name(extractor):
    result = extract(extractor, "推进文旅融合、新华发行集团书店改造等项目，积极发行集团债券。")
    firms = names(result, "Enterprise")
    assert "新华发行集团" in firms
    assert not {name for name in firms if name.startswith(("积极", "发行"))}  # no trade name before the verb


def test_a_quoted_brand_in_a_list_of_firms_is_one_however_the_dictionary_reads_it(extractor):
    result = extract(extractor, "全省共有“皇明”、“一通”、“四季沐歌”等8家企业入围。")
    assert {"皇明", "一通", "四季沐歌"} <= names(result, "Enterprise")  # 一通 is a numeral phrase to jieba


def test_a_provinces_own_company_is_named_by_its_trade_alone(extractor):
    result = extract(extractor, "安徽省人民政府办公厅印发方案。由省能源局牵头，省铁塔公司、省港航集团配合。全省铁塔公司共建基站。")
    firms = names(result, "Enterprise")
    assert {"安徽省铁塔公司", "安徽省港航集团"} <= firms
    assert not {name for name in firms if "全省" in name}


def test_zhong_after_a_de_opens_a_state_firms_name_but_not_after_a_noun():
    from kg.extract import Extractor

    rules = Extractor(ner=False, relation_model=False, entity_model=False)  # the name walk's own edges
    text = "引进领先工艺的中铝西北铝业公司已投产。生产过程中东方铝业公司负责供料。"
    firms = {c.name for c in rules.rule_candidates(text) if c.type == "Enterprise"}
    assert "中铝西北铝业公司" in firms
    assert "中东方铝业公司" not in firms  # 过程中: "in the course of"


def test_a_newspaper_named_after_a_firms_trade_is_no_mention_of_the_firm(extractor):
    result = extract(extractor, "媒体支持单位：人民日报、中国建筑报、中国交通报。")
    assert "中国建筑" not in names(result, "Enterprise")


def test_a_short_brand_ending_inside_a_longer_word_is_no_mention_of_the_firm(extractor):
    result = extract(extractor, "推广高通量卫星的应用。高通发布了新一代芯片。")
    mentions = [m["text"] for e in result["entities"] if e["type"] == "Enterprise" for m in e["mentions"]]
    assert mentions == ["高通"]  # 高通量: high throughput, not the chip maker; the second sentence names it


def test_a_citys_own_company_after_a_conjunction_is_the_citys(extractor):
    result = extract(extractor, "鄂尔多斯市组建了市水务投资公司和市资本有限公司，解决了融资问题。")
    assert "鄂尔多斯市资本有限公司" in names(result, "Enterprise")


def test_a_firms_short_form_opening_a_works_name_makes_it_a_firms():
    from kg.extract import Extractor

    rules = Extractor(ner=False, relation_model=False, entity_model=False)  # the name walk's own names
    text = "支持包钢铸造厂搬迁改造，推进钢铁铸造厂建设。"
    firms = {c.name for c in rules.rule_candidates(text) if c.type == "Enterprise"}
    assert "包钢铸造厂" in firms and "钢铁铸造厂" not in firms  # 钢铁: a sector, no firm's short form


def test_a_city_or_province_short_form_and_an_unknown_brand_before_a_joint_or_verb_is_a_firm(extractor):
    result = extract(extractor, "国内企业中，常州恒锐生产的监护仪已出口欧洲。研发检测试剂的杭州欣博和南京沃康，均已布局专利。")
    firms = names(result, "Enterprise")
    assert {"常州恒锐", "杭州欣博", "南京沃康"} <= firms
    assert {"常州市", "杭州市", "南京市"} <= names(result, "Region")  # the text names the places too


def test_a_place_followed_by_its_own_phrase_opens_no_firm(extractor):
    result = extract(extractor, "宁德连抱产业集群发展。深圳在该行业领先，肇庆等地产业链齐全，云南这片热土充满机遇。")
    assert not {name for name in names(result, "Enterprise") if name[:2] in ("宁德", "深圳", "肇庆", "云南")}


def test_a_place_inside_a_city_the_dictionary_does_not_know_is_no_brand(extractor):
    result = extract(extractor, "支持杭州滨江、无锡蠡湖、厦门翔安共建创新中心。")
    assert not {name for name in names(result, "Enterprise") if name[:2] in ("杭州", "无锡", "厦门")}


def test_a_known_firm_joined_to_a_brand_the_dictionary_does_not_know_is_one_firm(extractor):
    result = extract(extractor, "宏昌齿轮配套广汽日野取得进展。像先健科技、西门子迈迪特、理邦等企业。推进宝武马钢的数据中心建设。")
    firms = names(result, "Enterprise")
    assert {"广汽日野", "西门子迈迪特", "宝武马钢"} <= firms
    assert not {"广汽", "马钢"} & firms  # the part is no mention of a firm of its own


def test_a_firm_before_a_conjunction_or_a_preposition_is_not_joined_to_it(extractor):
    result = extract(extractor, "新项目正是冲着比亚迪而来。国内药企如恒瑞医药、天士力加快布局。")
    firms = names(result, "Enterprise")
    assert {"比亚迪", "恒瑞医药"} <= firms
    assert not {"比亚迪而来", "药企如恒瑞医药", "企如恒瑞医药"} & firms


def test_a_clauses_verbs_before_a_firm_are_not_joined_to_it(extractor):
    result = extract(extractor, "无人机从深圳飞出到大疆总部。各类企业皆可DeepSeek接入。")
    assert not {name for name in names(result, "Enterprise") if name.startswith(("出到", "到大", "皆可", "可D"))}


def test_a_list_two_of_whose_members_are_known_only_once_brands_are_joined_makes_its_other_members_firms(extractor):
    result = extract(extractor, "本届博览会上，像华为、西门子迈迪特、华科、康泰、瑞邦等发展强劲的本地军团集体亮相。")
    assert {"华科", "康泰", "瑞邦"} <= names(result, "Enterprise")


def test_a_list_closed_by_a_rank_of_the_worlds_largest_firms_is_a_list_of_firms(extractor):
    result = extract(extractor, "开发区以装备制造为主导产业，入驻有德国博途、日本丰和等世界500强企业。")
    assert {"德国博途", "日本丰和"} <= names(result, "Enterprise")
    assert {"德国", "日本"} <= names(result, "Region")  # where they are from


def test_the_brand_opening_a_project_in_a_list_of_projects_is_a_firm(extractor):
    result = extract(extractor, "化工产业加快集聚，泰隆和华能煤制油、鑫旺PVC、晋绒大化肥、恒源甲醇等重大项目建成投产。")
    assert {"泰隆", "华能", "鑫旺", "晋绒"} <= names(result, "Enterprise")
    assert ("晋绒", "operates_in", "化肥") in triples(result)
    result = extract(extractor, "加快金凤日产3000吨水泥熟料生产线、月潭水库、绿色包装产业集聚发展基地等22个项目进度。")
    assert names(result, "Enterprise") == {"金凤"}  # a reservoir or common words open no firm's project


def test_a_proper_name_before_the_product_of_a_project_is_the_firm_that_makes_it(extractor):
    result = extract(extractor, "力争娃哈哈饮料深加工、华润国际战略合作、罗田水库、黄杭铁路等一批重点在谈项目早日签约落地。")
    assert names(result, "Enterprise") == {"娃哈哈", "华润国际"}  # not a place's reservoir or railway


def test_a_parks_name_in_a_list_of_projects_opens_no_firm(extractor):
    result = extract(extractor, "推进马店电子信息产业园、南湖旅游集散中心等项目建设。")
    assert not names(result, "Enterprise")


def test_the_banks_of_a_pair_of_places_or_a_kind_of_bank_are_no_firm(extractor):
    result = extract(extractor, "支持符合条件的港澳银行在前海设立机构。引导金融机构加快智慧银行建设。组建了鄂尔多斯银行。")
    assert names(result, "Enterprise") == {"鄂尔多斯银行"}


def test_a_firm_naming_its_lines_output_works_in_that_sector(extractor):
    result = extract(extractor, "做大做强水泥产业。加快金凤日产3000吨水泥熟料生产线、月潭水库等22个项目进度；"
                                "推进华源第二条日产4500吨水泥熟料生产线等项目。")
    assert {("金凤", "operates_in", "水泥"), ("华源", "operates_in", "水泥")} <= triples(result)


def test_a_compound_noun_jieba_reads_as_a_set_phrase_is_the_trade_inside_a_firms_name(extractor):
    result = extract(extractor, "支持遵义黔北生物工程股份有限公司等企业开展菌种选育。")
    assert "遵义黔北生物工程股份有限公司" in names(result, "Enterprise")
    assert "生物工程股份有限公司" not in names(result, "Enterprise")


def test_a_firm_with_a_long_registered_name_is_one_member_of_its_list(extractor):
    result = extract(extractor, "支持贵州茅台、遵义黔北生物工程股份有限公司等企业开展菌种选育。")
    assert {"贵州茅台", "遵义黔北生物工程股份有限公司"} <= names(result, "Enterprise")


def test_a_list_member_shortening_a_full_name_by_its_place_is_that_firm(extractor):
    result = extract(extractor, "佛山市赛维斯药业公司在糖尿病领域领先。对佛山赛维斯、佛山市利强医疗设备有限公司等领军企业给予支持。")
    assert names(result, "Enterprise") == {"佛山市赛维斯药业公司", "佛山市利强医疗设备有限公司"}


def test_a_place_and_its_trade_in_a_list_of_parks_is_no_firm(extractor):
    result = extract(extractor, "南雄精细化工、乳源氯碱化工、始兴制笔研发制造等特色专业园区建设成效明显。深圳迈瑞生产的监护仪远销海外。")
    assert names(result, "Enterprise") == {"深圳迈瑞"}


def test_a_name_heading_a_digests_item_and_its_results_is_a_firm(extractor):
    text = "华源晨会精粹-白酒行业基金持仓占比回落[2][6] -金风科技2025年上半年营业收入285.4亿元（同比+41.3%），归母净利润14.9亿元 [2][30]。"
    # a candidate of the rules, so the decisions and the relations see it as any firm
    assert ("金风科技", "Enterprise") in {(c.name, c.type) for c in extractor.rule_candidates(text)}
    assert "金风科技" in names(extract(extractor, text), "Enterprise")  # 金风 is a dictionary word: a thing to the tagger


def test_a_firm_found_once_is_the_same_firm_where_the_text_names_it_again_bare(extractor):
    text = ("近期，金刚石散热相关概念股股价大幅上涨，四方达、力量钻石、惠丰钻石等企业受到关注。"
            "业内人士认为，量产仍需时间。2025年12月17日，惠丰钻石发布公告称，拟在包头市昆都仑区投资建设CVD金刚石项目。")
    result = extract(extractor, text)
    firm = next(e for e in result["entities"] if e["name"] == "惠丰钻石")
    assert [m["start"] for m in firm["mentions"]] == [text.find("惠丰钻石"), text.rfind("惠丰钻石")]
    assert ("惠丰钻石", "located_in", "包头市") in triples(result)  # the later sentence places it


def test_the_words_the_tagger_glues_after_a_brand_the_text_names_on_its_own_are_not_the_firms():
    text = "图表：三花智控汽车热管理产品布局。2）三花智控在阀类配件具有优势。三花智控切入新能源车。"
    cands = [Candidate(3, 9, "Enterprise", "三花智控汽车", source="model")]
    assert [(c.start, c.end, c.name) for c in trim_glued_words(text, cands)] == [(3, 7, "三花智控")]
    once = "图表：三花智控汽车热管理产品布局。2）三花智控在阀类配件具有优势。"
    assert trim_glued_words(once, cands)[0].name == "三花智控汽车"  # named on its own once: no evidence
    suffixed = "中铝集团发布公告。中铝在广西投资。中铝又在云南布局。"
    group = [Candidate(0, 4, "Enterprise", "中铝集团", source="model")]
    assert trim_glued_words(suffixed, group)[0].name == "中铝集团"  # a firm's own suffix stays
    text = "走进徐福记沙琪玛智能生产车间，机器人往来穿梭。徐福记制造总经理说，徐福记AGV搬运机器人提高了效率。"
    assert trim_glued_words(text, [Candidate(2, 10, "Enterprise", "徐福记沙琪玛智能", source="model")])[0].name == "徐福记"
    fuel = "推动甲醇动力技术应用。甲醇燃料电池提升效率。甲醇加注站建设提速。"
    assert trim_glued_words(fuel, [Candidate(2, 6, "Enterprise", "甲醇动力", source="model")])[0].name == "甲醇动力"


def test_a_latin_name_before_a_place_or_opening_a_body_is_the_firm_that_owns_it(extractor):
    result = extract(extractor, "东莞滨海湾新区，VIVO智能影像实验室研发新技术。Intel亚太区市场总监张明表示，将扩大合作。")
    assert {"VIVO", "Intel"} <= names(result, "Enterprise")
    result = extract(extractor, "推进G60科创走廊建设，打造LED产业园。")
    assert not names(result, "Enterprise")  # a code with digits, a sector the rules name


def test_a_quarter_written_as_analysts_do_before_company_is_no_firm(extractor):
    result = extract(extractor, "核心观点 - 2Q24公司IPO规模同比下滑致投行业务承压，但项目储备良好。")
    assert not {name for name in names(result, "Enterprise") if "2Q24" in name}


def test_a_short_name_before_its_listing_code_is_a_firm(extractor):
    result = extract(extractor, "财经社5月8日丨东岭港(601234.SH)发布年度业绩报告。另据悉佳禾瑞（股票代码：300999）"
                                "股东大会通过决议，云帆网络(09876.HK)与星垣(NASDAQ: STYN)达成合作。")
    firms = names(result, "Enterprise")
    assert {"东岭港", "佳禾瑞", "云帆网络", "星垣"} <= firms
    assert not {name for name in firms if name.startswith(("日", "丨", "据悉"))}


def test_a_firm_opening_with_its_place_before_its_code_is_one_firm_but_a_bare_place_is_none(extractor):
    result = extract(extractor, "湖州丝绸(600123.SH)发布年报。据悉湖州市(000027.SZ)数据显示增长。")
    assert names(result, "Enterprise") == {"湖州丝绸"}


def test_an_index_exchange_or_fund_before_a_code_is_no_firm(extractor):
    result = extract(extractor, "当日沪指(000001.SH)收跌，创业板指(399006.SZ)走低，华信成长混合(005321)净值上涨。")
    assert not names(result, "Enterprise")


def test_the_subject_of_a_firms_report_later_called_the_company_is_a_firm(extractor):
    result = extract(extractor, "昨晚瑞普森发布了中期业绩快报，预计营收增长两成。公司表示，主要系产品销量增加所致。\n"
                                "4月10日晚间,鼎晟能源披露2024年年度报告。报告期内,公司实现营业收入12亿元。")
    assert {"瑞普森", "鼎晟能源"} <= names(result, "Enterprise")


def test_a_report_whose_subject_is_never_called_the_company_names_no_firm(extractor):
    result = extract(extractor, "近日，滨湖片区发布上半年经济成绩单，实现营业收入同比增长。")
    assert not names(result, "Enterprise")
    park = extract(extractor, "今年该基地实现营业收入50亿元，公司数量增加。")
    assert not names(park, "Enterprise")


def test_a_person_by_their_trade_reporting_on_results_is_no_firm(extractor):
    result = extract(extractor, "本报记者发布年报解读，公司表示业绩稳健。")
    assert not names(result, "Enterprise")


def test_a_name_twice_the_subject_of_a_firms_acts_is_a_firm(extractor):
    result = extract(extractor, "昨晚瑞普森发布了年度业绩快报。此外，瑞普森拟每10股派发现金红利2元。")
    assert "瑞普森" in names(result, "Enterprise")
    once = extract(extractor, "昨晚瑞普森发布了年度业绩快报。")
    assert "瑞普森" not in names(once, "Enterprise")


def test_holds_after_a_firm_named_bare_elsewhere_is_the_verb_not_part_of_its_name(extractor):
    result = extract(extractor, "4月9日晚间,恒远电力披露2024年年度报告。报告期内,公司实现营业收入80亿元。"
                                "截至年末，恒远电力控股装机容量500万千瓦。")
    firms = names(result, "Enterprise")
    assert "恒远电力" in firms and "恒远电力控股" not in firms
    kept = extract(extractor, "空调产业链的德盛控股在掌握变频技术方面领先。")
    assert "德盛控股" in names(kept, "Enterprise")


def test_a_sector_word_publishing_an_announcement_later_called_the_company_is_a_firm(extractor):
    result = extract(extractor, "煤气化近日发布公告，晋煤集团托管后，公司实际控制人变更为晋煤集团。")
    assert "煤气化" in names(result, "Enterprise")
    sector = extract(extractor, "煤气化技术发展迅速，公司纷纷布局。")
    assert "煤气化" not in names(sector, "Enterprise")


def test_zhong_opening_a_reported_firms_name_at_the_clauses_start_is_part_of_it(extractor):
    result = extract(extractor, "3月28日晚间，中瑞普森披露2023年年度报告。报告期内，公司实现营业收入10亿元。"
                                "在这一过程中瑞普森发布年报，公司表示订单饱满。")
    firms = names(result, "Enterprise")
    assert "中瑞普森" in firms and "中瑞普森发布" not in firms
    assert not {name for name in firms if name.startswith("过程")}


def test_a_firm_publishing_its_own_sales_is_named_by_its_short_name(extractor):
    result = extract(extractor, "其中瑞丰置业公布前三个月销售金额为120.5亿元，而润泰邦公布，截至3月31日止三个月，"
                                "集团共实现合同销售金额约80.2亿元。")
    assert {"瑞丰置业", "润泰邦"} <= names(result, "Enterprise")


def test_a_body_an_index_or_a_sectors_sales_is_no_firm_publishing_them(extractor):
    result = extract(extractor, "中指研究院公布，一季度房地产销售金额下降。上证指数发布当日，"
                                "房地产销售金额公布前三个月销售金额为200亿元。")
    assert not names(result, "Enterprise")


def test_a_comparison_before_a_fall_is_no_firm(extractor):
    result = extract(extractor, "而瑞丰置业公布，集团共实现合同销售金额约80.2亿元，同比下跌12.5%。")
    firms = names(result, "Enterprise")
    assert "瑞丰置业" in firms and not {"同比", "环比"} & firms


def test_a_groups_brand_before_its_own_sales_is_a_mention_of_the_group(extractor):
    text = "恒瑞地产集团昨日宣布新政。最新数据显示，恒瑞累计合约销售金额约300亿元。"
    firm = next(e for e in extract(extractor, text)["entities"] if e["name"] == "恒瑞地产集团")
    assert text.index("恒瑞累计") in {m["start"] for m in firm["mentions"]}
    place = extract(extractor, "中国石油集团发布公告。今年中国累计销售额增长。")
    assert not {m["text"] for e in place["entities"] if e["type"] == "Enterprise" for m in e["mentions"]} & {"中国"}


def test_the_tail_of_a_date_before_a_firms_act_names_no_firm(extractor):
    result = extract(extractor, "医疗器械龙头方面，迈瑞医疗4月29日晚披露的2023年年报显示，公司实现营业收入349.32亿元。"
                                "公司表示，2024年计划实现营业收入1900亿元以上。")
    firms = names(result, "Enterprise")
    assert "迈瑞医疗" in firms
    assert not {"日晚", "年计划"} & firms


def test_the_rank_news_gives_a_firm_right_before_its_act_is_no_part_of_its_name(extractor):
    result = extract(extractor, "同日，调味品龙头海天味业披露的2023年年报显示，公司全年实现营业收入245.59亿元，同比下降4.10%。")
    firm = next(e for e in result["entities"] if e["type"] == "Enterprise")
    assert firm["name"] == "海天味业"
    assert {(f["subject"], f["value"]) for f in result["targets"]} == {("海天味业", 245.59), ("海天味业", 4.1)}
