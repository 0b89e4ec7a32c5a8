"""Prose phrasings: what states a field, and what only looks as if it did.

Each case is one sentence in a minimal report on 2020. ``expected`` lists the fields the sentence
states (and only those may come out); a field mapped to None must not come out.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.domain.extraction import extract_text, phrases
from gongkai.domain.extraction.normalize import normalize

HEAD = "某县统计局2020年政府信息公开工作年度报告\n"


def _fields(sentence: str) -> dict[str, int | float]:
    return extract_text(HEAD + sentence + "\n").fields


STATED = [
    # requests received
    ("2020年，我局共收到政府信息公开申请12件。", {"requests_received": 12}),
    ("全年共受理政府信息公开申请859件，均按时答复。", {"requests_received": 859}),
    ("本年度新收政府信息公开申请三件。", {"requests_received": 3}),
    ("2020年我局依申请公开3件，均为网络申请。", {"requests_received": 3}),
    ("2020年度我局共收到依申请信息公开26件。", {"requests_received": 26}),
    ("全年收到依申请公开0项。", {"requests_received": 0}),
    ("2020年，我局未收到政府信息公开申请。", {"requests_received": 0}),
    ("本年度没有接到群众要求公开政府信息的申请。", {"requests_received": 0}),
    ("2020年，未收到依申请公开事项。", {"requests_received": 0}),
    ("全年无信息公开申请。", {"requests_received": 0}),
    ("全年收到政府信息公开申请数量为零。", {"requests_received": 0}),
    ("因政府信息公开申请行政复议、提起行政诉讼的数量均为零。", {"admin_reviews": 0, "lawsuits": 0}),
    ("三、依申请公开情况\n本年度未收到申请。", {"requests_received": 0}),
    ("四、因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度无行政复议。", {"admin_reviews": 0}),
    # replies
    (
        "其中同意公开答复9件，部分公开答复0件，不予公开答复2件，无法提供的10件，不予处理0件。",
        {"granted": 9, "partially_granted": 0, "refused": 2, "unable_to_provide": 10, "not_processed": 0},
    ),
    ("予以公开12件，部分公开3件。", {"granted": 12, "partially_granted": 3}),
    (
        "上年结转政府信息公开申请2件，结转下一年度继续办理1件。",
        {"requests_carried_over": 2, "carried_forward": 1},
    ),
    ("另有72件申请按照《条例》顺延到下年度答复。", {"carried_forward": 72}),
    # proactive publication
    ("2020年度共新增主动公开政府信息312条。", {"proactive_total": 312}),
    ("全年主动公开政府信息一千二百条。", {"proactive_total": 1200}),
    ("全年共审核发布各类公开政府信息2,825条。", {"proactive_total": 2825}),
    ("2020年度主动公开政府信息总数2942条。", {"proactive_total": 2942}),
    (
        "局政务信息网更新信息678条，微博信息发布量231条，微信信息发布量16条。",
        {"website_items": 678, "weibo_items": 231, "wechat_items": 16},
    ),
    ("“某县发布”微信公众号共编发文章1640篇。", {"wechat_items": 1640}),
    (
        "政府公报公开政府信息数6条，门户网站873条，微信公众号595条，微博390条。",
        {"gazette_items": 6, "website_items": 873, "wechat_items": 595, "weibo_items": 390},
    ),
    ("全年上海市人民政府网站共发布各类信息46106条,并通过政务微博、微信及时转发。", {"website_items": 46106}),
    # reviews, lawsuits
    ("信息公开类行政复议7件，诉讼9件。", {"admin_reviews": 7, "lawsuits": 9}),
    ("2020年共办理0起行政复议案件。", {"admin_reviews": 0}),
    ("没有发生因政府信息公开而产生的行政复议、提起行政诉讼的案件。", {"admin_reviews": 0, "lawsuits": 0}),
    (
        "本局无针对政府信息公开事务的行政复议案件，无针对政府信息公开事务的行政诉讼案件。",
        {"admin_reviews": 0, "lawsuits": 0},
    ),
    ("有1件涉及政府信息公开工作的行政复议，涉及的行政诉讼数为0件。", {"admin_reviews": 1, "lawsuits": 0}),
    # fees
    ("本年度依申请公开未收取费用。", {"fees_yuan": 0}),
    ("未向政府信息公开申请人收取任何费用。", {"fees_yuan": 0}),
    ("我局政府信息公开无收费及减免情况。", {"fees_yuan": 0}),
    ("全年收取信息处理费共计380元。", {"fees_yuan": 380}),
    ("收取信息处理费0.12万元。", {"fees_yuan": 1200}),
    # phrasings of small offices
    ("2020年我镇收到依申请公开件4件，均按期答复。", {"requests_received": 4}),
    ("全年共受理依申请政府信息公开事项9例。", {"requests_received": 9}),
    ("2020年度共受理政府信息公开申请6条，办结率100%。", {"requests_received": 6}),
    ("2020年，我局收到3起政府信息依申请公开，均按程序办理。", {"requests_received": 3}),
    ("本街道全年共收到依申请公开信息2条。", {"requests_received": 2}),
    ("2020年度，站里未收到依申请公开件。", {"requests_received": 0}),
    ("2020年我镇未收到依申请公开请求。", {"requests_received": 0}),
    ("本年度未收到和处理政府信息公开申请事件。", {"requests_received": 0}),
    ("2020年未收到信息公开的申请和涉及不予公开的信息。", {"requests_received": 0}),
    (
        "今年共收到政府信息公开申请6件，对其中4件予以公开，1件部分公开，1件不公开。",
        {"requests_received": 6, "granted": 4, "partially_granted": 1, "refused": 1},
    ),
    (
        "2020年我乡收到依申请公开件1件，均按时答复，未出现被行政诉讼、行政复议情况。",
        {"requests_received": 1, "admin_reviews": 0, "lawsuits": 0},
    ),
    (
        "未发生因政府信息公开被申请行政复议、被提起行政诉讼的情况。",
        {"admin_reviews": 0, "lawsuits": 0},
    ),
    ("2020年度未发生针对政府信息公开事务的复议、诉讼和申诉。", {"admin_reviews": 0, "lawsuits": 0}),
    ("2020年，我镇在主动公开政府信息件数为88件。", {"proactive_total": 88}),
    ("截至2020年12月31日，政务信息公开主动公开总数57条。", {"proactive_total": 57}),
    ("2020年，及时公开了工作动态、通知公告、财政预决算等信息64条。", {"proactive_total": 64}),
    (
        "全年主动公开政府信息80条，其中依托县政府网站主动公开信息61条。",
        {"proactive_total": 80, "website_items": 61},
    ),
    (
        "通过政府网站公开政府信息数70条，通过微信公开政府信息数12条，其他方式公开政府信息数40条。",
        {"website_items": 70, "wechat_items": 12},
    ),
    (
        "镇政府微信公众账号(1个)发布信息120条；微博账号(1个)发布信息98条。",
        {"wechat_items": 120, "weibo_items": 98},
    ),
    ("2020年全镇累计受理依申请公开政府信息0件。", {"requests_received": 0}),
    ("2020年，我镇开展了依申请公开受理工作，共收到依申请件0件。", {"requests_received": 0}),
    (
        "全年受理政府信息依申请公开0件，2019年未转结政府信息公开申请。",
        {"requests_received": 0, "requests_carried_over": 0},
    ),
    ("行政复议程序和行政诉讼程序均为0件。", {"admin_reviews": 0, "lawsuits": 0}),
    ("三、依申请公开情况\n我局2020年度依申请受理信息公开申请:无。", {"requests_received": 0}),
    (
        "全年累计收到依申请公开信息5条，同意公开5条，上年度结转为0条。",
        {"requests_received": 5, "granted": 5, "requests_carried_over": 0},
    ),
    (
        "全县共受理依申请公开8件，予以公开及部分公开的有5件，无法提供的有3件。",
        {"requests_received": 8, "unable_to_provide": 3},
    ),
    (
        "本年度共收到政府信息公开申请20份，4份转下年度继续办理。",
        {"requests_received": 20, "carried_forward": 4},
    ),
    ("2020年我局未收到公众、法人或其他组织对政府信息公开的申请。", {"requests_received": 0}),
    ("全年主动公开政务信息210条。", {"proactive_total": 210}),
    ("微信公众号公布73条。", {"wechat_items": 73}),
    (
        "政府门户网站共发布政务新闻动态、其他政务信息5600条,政务微博发布信息311条。",
        {"website_items": 5600, "weibo_items": 311},
    ),
    (
        "2020年，通过县政府门户网站、微信、微博共发布各类信息数量1700条(其中:政府网站公开1500条，县政府公报公开50条，政务微博公开150条)。",
        {"proactive_total": 1700, "website_items": 1500, "gazette_items": 50, "weibo_items": 150},
    ),
    (
        "全年收政府信息公开申请46件，结转上年度政府信息公开申请3件。",
        {"requests_received": 46, "requests_carried_over": 3},
    ),
    ("受理公民、法人和其他组织向市政府及市政府办公室提出的政府信息公开申请5件。", {"requests_received": 5}),
    ("2020年度我乡共主动公开政府信息(公文平台发文)113条。", {"proactive_total": 113}),
    ("本年度未收到查看主动公开以外信息的申请。", {"requests_received": 0}),
    ("在“平安某某”微信公众号发布稿件605篇。", {"wechat_items": 605}),
    (  # 累计 within the year the sentence opens with; the channels' parts are their own counts
        "2020年，我局累计主动公开政府信息128条，其中在政府门户网站发布各类信息28条，微信公众号发布信息100条。",
        {"proactive_total": 128, "website_items": 28, "wechat_items": 100},
    ),
    (
        "五、申请行政复议和提起行政诉讼情况\n2020年未发生申请行政复议和提起行政诉讼情况。",
        {"admin_reviews": 0, "lawsuits": 0},
    ),
    ("全年共接受办理政府信息公开申请62件。", {"requests_received": 62}),
    ("2020年，新收到政府信息公开申请件3件。", {"requests_received": 3}),
    (
        "三、依申请公开政府信息情况\n本年度没有申请公开政府信息和不予公开政府信息的情况。",
        {"requests_received": 0},
    ),
    ("2020年通过政府网站、信息查阅场所等公开信息3500条。", {"proactive_total": 3500}),
    ("2020年，通过政府网站、政务新媒体等渠道共公开各级各类政府信息3900条。", {"proactive_total": 3900}),
    (
        "2020年区政府及各工作部门主动公开政府信息3200条，其中，区政府主动公开政府信息1100条。",
        {"proactive_total": 3200},
    ),
    (  # the parts go on after the first one
        "2020年全县主动公开政府信息900条，其中，县政府主动公开200条，各部门主动公开政府信息700条。",
        {"proactive_total": 900},
    ),
    # counts given in the order the channels are named
    ("在街道政务微博微信公开信息分别为54条和37条。", {"weibo_items": 54, "wechat_items": 37}),
    ("2020年局网站、微信公众号发布信息分别为120条、35篇。", {"website_items": 120, "wechat_items": 35}),
    # an aside after a channel's name, the kind of item right after it
    ("其中网站(含转发)31条，微信(含转发)85条。", {"website_items": 31, "wechat_items": 85}),
    ("全年发布微信公众平台文章42篇。", {"wechat_items": 42}),
    ("主动发布各类信息314条。", {"proactive_total": 314}),
    ("2020年收到依申请公开政府信息要求2条。", {"requests_received": 2}),
    ("2020年共收到申请政府信息公开26件(次)。", {"requests_received": 26}),
    ("本报告年度我局收到1条申请政府信息公开的受理件。", {"requests_received": 1}),
    ("2020年度未收到依申请公开的要求。", {"requests_received": 0}),
    ("2020年度不存在政府信息公开的收费及减免情况。", {"fees_yuan": 0}),
    (
        "在区政府信息公开网上公布41条,在“某某发布”公众号推送信息90条。",
        {"website_items": 41, "wechat_items": 90},
    ),
    ("政务微博公开政府信息条数42条。", {"weibo_items": 42}),
    (  # a count of reviews and suits together: zero is zero for each
        "全年发生因政府信息公开而被申请行政复议、提起行政诉讼的案件0件。",
        {"admin_reviews": 0, "lawsuits": 0},
    ),
    (  # the one website named with an aside
        "2020年在某市政府门户网站(政府信息公开平台)主动公布政府信息有71条。",
        {"proactive_total": 71},
    ),
    (  # the year's own part of a count over many years
        "截至2020年12月31日，在县政府网站累计公开政府信息846条，其中本年度在县政府网站及本单位网站公开214条。",
        {"proactive_total": 214},
    ),
    (
        "2020年,全镇累计主动公开政府信息114条,其中通过政府网站公开信息72条。",
        {"proactive_total": 114, "website_items": 72},
    ),
    (
        "2020年在某县人民政府网站共计公开各类政府信息36条,其中:部门动态16条。",
        {"proactive_total": 36},
    ),
    (  # what follows the one website is a list of kinds of information, not of channels
        "2020年,通过政府网站公开政府文件、政策解读、财政预决算等信息55条。",
        {"proactive_total": 55},
    ),
    (
        "全年主动公开我区各级单位政府信息2645条,主要通过政府网站、政务新媒体等媒介公开。",
        {"proactive_total": 2645},
    ),
    ("2020年,某乡未收到社会组织或群众个人提出的政府信息依申请公开。", {"requests_received": 0}),
    ("三、依申请公开政府信息情况\n2020年,未收到依申请公开政府信息情况。", {"requests_received": 0}),
    ("2020年,全镇政府信息公开依申请办理事项为零。", {"requests_received": 0}),
    ("2020年,全镇信息公开的收费和减免为零。", {"fees_yuan": 0}),
    (  # of all the information made in the year, the part published is the year's total
        "2020年制作、获取政府信息总数3618条，其中主动公开政府信息1853条，作为依申请公开信息数107条。",
        {"proactive_total": 1853},
    ),
    ("本年度,我街道共制发政府信息130件,其中主动公开18件。", {"proactive_total": 18}),
    ("对依申请公开的答复总数3条，其中同意公开答复数2条。", {"granted": 2}),
    (  # all applicants of one kind: the replies are all of them
        "新收到政府信息公开申请3件，申请人均为自然人，其中1件依法向申请人予以公开。",
        {"requests_received": 3, "granted": 1},
    ),
    ("通过“某某之东”公众号发布各类信息1170条。", {"wechat_items": 1170}),
    (
        "全年接收政府信息公开申请150件，2019年结转13件，结转2021年18件。",
        {"requests_received": 150, "requests_carried_over": 13, "carried_forward": 18},
    ),
    ("截至目前,2020年度主动公开政府信息共计393条,全文电子化率达100%。", {"proactive_total": 393}),
    ("截至2020年12月底,我局已主动公开政府信息120条。", {"proactive_total": 120}),
    ("截至目前共发布592条信息,2020年公开政府信息60条,其中概况信息2篇。", {"proactive_total": 60}),
    (
        "2020年,某县收到政府信息依申请公开7件,上年转结2件,均已按时办结。",
        {"requests_received": 7, "requests_carried_over": 2},
    ),
    (
        "2020年,我局共受理政府信息公开申请6件,上年结转政府信息公开办理数量1件。",
        {"requests_received": 6, "requests_carried_over": 1},
    ),
    (  # carried from one named year into the next: into this one
        "2019年结转至2020年3件,2020年共收到政府信息公开申请41件,结转下年度办理2件。",
        {"requests_carried_over": 3, "requests_received": 41, "carried_forward": 2},
    ),
    ("2020年某街道共收到申请公开件15件。", {"requests_received": 15}),
    ("2020年,某局收到政府信息依申请公开办理事项2件,均已办结。", {"requests_received": 2}),
    ("本单位2020年度收到3件针对本单位有关政府信息公开事务的申请。", {"requests_received": 3}),
    ("2020年,全年未收到依申请公开来信,无意见投诉情况。", {"requests_received": 0}),
    ("2020年未收到依申请公开事宜。", {"requests_received": 0}),
    ("未接到要求公开政府信息的申请件,未接到过相关投诉。", {"requests_received": 0}),
    # channels: a named platform, two verbs, the kinds listed before the count
    ("在政务微信平台“某某发布”公开政务信息88条。", {"wechat_items": 88}),
    ("“某乡微讯”微信平台公开发布信息61条,涉及政策文件解读、规划计划。", {"wechat_items": 61}),
    (
        "通过政务微信发布县内工作动态、安全提示、时政要闻等内容共计905条;通过政务微博共发布和转发视频316条。",
        {"wechat_items": 905, "weibo_items": 316},
    ),
    # more wordings met in held-out reports
    (
        "其中属于已经主动公开的3件,同意公开答复41件,同意部分公开的2件。",
        {"granted": 41, "partially_granted": 2},
    ),
    (
        "2020年共收到政府信息公开申请50件,剩余3件结转至2021年。",
        {"requests_received": 50, "carried_forward": 3},
    ),
    ("通过某县人民政府网站信息公开专栏进行分类公开12条。", {"proactive_total": 12}),
    (
        "通过微信公众号推送图文信息788条;通过新浪微博推送图文信息42条。",
        {"wechat_items": 788, "weibo_items": 42},
    ),
    ("“某某发布”微信和微博分别发布信息140条、650条。", {"wechat_items": 140, "weibo_items": 650}),
    ("2020年未收到、办理过任何政府信息依申请公开等相关事项。", {"requests_received": 0}),
    ("本年度未收到依申请公开办件。", {"requests_received": 0}),
    ("2020年,我局未收到依申请公开申请事项。", {"requests_received": 0}),
    ("2020年度未收到任何形式的申请公开信息要求。", {"requests_received": 0}),
    (
        "我局2020年度共受理有关政府信息公开工作的行政复议、行政诉讼和申诉案件0件。",
        {"admin_reviews": 0, "lawsuits": 0},
    ),
    ("政务微信订阅号“某某乡”(微信号:abc123)公开政府信息23条,村务公开栏公开信息18条。", {"wechat_items": 23}),
    ("《某市统计信息网》全年共采集、发布、修订信息616条。", {"proactive_total": 616}),
    ("2020年共主动公开、更新各类信息222条,累计主动公开信息2382条。", {"proactive_total": 222}),
    ("2020年1月1日至12月31日,我办共主动公开政府资讯19条。", {"proactive_total": 19}),
    ("全年共收到和办理依申请公开9件。", {"requests_received": 9}),
    ("受理答复政府信息公开申请28件。", {"requests_received": 28}),
    ("通过微博公众号发布信息51条,通过微信公众号发布信息291条。", {"weibo_items": 51, "wechat_items": 291}),
    (
        "我室本年度未收到任何形式的依申请公开信息、行政复议和行政诉讼。",
        {"requests_received": 0, "admin_reviews": 0, "lawsuits": 0},
    ),
    ("2020年政府网站发布法定主动公开内容5312条,“某某”APP发布信息3446篇。", {"website_items": 5312}),
    (
        "2020年主动向广大群众公开食品、药品安全、特种设备安全、质量安全、知识产权保护、放心消费创建等信息312条。",
        {"proactive_total": 312},
    ),
    ("2020年,通过政府门户主动公开信息177条,其中,工作动态134条;法定主动公开41条。", {"proactive_total": 177}),
    (
        "全年通过门户网站、官方微博、微信公众号等渠道公开各类信息5332条,其中,政府网站发布信息3120条次,官方微博“某某”微博发布信息102条次。",
        {"proactive_total": 5332, "website_items": 3120, "weibo_items": 102},
    ),
    (
        "通过“某某经信”微信公众号新媒体平台主动公开政务信息347条,全年阅读量超22.7万余次。",
        {"wechat_items": 347},
    ),
    (
        "2020年本机关共受理政府信息公开申请15件,其中新收到14件,结转上年度办理1件。",
        {"requests_received": 14, "requests_carried_over": 1},
    ),
    (
        "2020年,受理政府信息公开申请事项36件(其中:自然人申请32件、企业申请2件、其他组织申请2件),上年结转7件,予以公开3件、部分公开24件、无法提供12件、结转下年度办理4件。",
        {
            "requests_received": 36,
            "requests_carried_over": 7,
            "granted": 3,
            "partially_granted": 24,
            "unable_to_provide": 12,
            "carried_forward": 4,
        },
    ),
    (
        "2020年受理依申请公开政府信息是0件。因政府信息公开申请引起的行政复议、提起行政诉讼数量是0件。",
        {"requests_received": 0, "admin_reviews": 0, "lawsuits": 0},
    ),
    (
        "全年收到申请1件,予以公开1件,无因政府信息公开被行政复议或被行政诉讼情况。",
        {"requests_received": 1, "granted": 1, "admin_reviews": 0, "lawsuits": 0},
    ),
    ("2020年我局未收到申请公开事项。", {"requests_received": 0}),
    ("2020年我局未收到申请公开政府信息的要求。", {"requests_received": 0}),
    # a website's count: the year's total when it stands alone, the website's own beside other channels
    # (named or counted) or beside a total stated elsewhere
    (
        "全年通过某市政府门户网站发布政府信息1813条,公开政府文件47件,某办公室微信公众号发布和转载政府信息383条。",
        {"website_items": 1813, "wechat_items": 383},
    ),
    (
        "2020年,通过某某区政府网发布政务信息482条,并利用政务微博、微信等新媒体平台及时发布信息。",
        {"website_items": 482},
    ),
    ("2020年,某局门户网站公开各类政务信息121条。", {"proactive_total": 121}),
    ("街道政府网站主动公开政府信息189条。", {"proactive_total": 189}),
    # one website the only channel named: the year's total
    ("2020年我乡通过政府门户网站主动公开信息138条。", {"proactive_total": 138}),
    (
        "我局按照《条例》的规定，主动在区门户网站公开了各类政府信息28条。",
        {"proactive_total": 28},
    ),
    # 公布 as the verb, 今年 as the year, the publishing units as the subject
    ("今年,全县各公开单位共公布政府信息1470条(其中规划计划类信息12条)。", {"proactive_total": 1470}),
    # an area's count under its numbered item does not contradict the year's total
    (
        "全年共主动公开政府信息900条。\n(3)推进食品安全信息公开。某局及时公布抽检结果,全年共发布信息75条。"
        "\n二是做好教育领域信息公开,全年公开信息40条。",
        {"proactive_total": 900},
    ),
    (
        "2020年主动公开政府信息2100条。\n(1)推进重大建设项目和政府与社会资本合作(PPP)项目信息公开。全年共发布信息166条。"
        "\n(四)开展政策解读工作情况。2020年,共公开发布信息82条。",
        {"proactive_total": 2100},
    ),
    # an item on publishing in general is not an area, nor is one on many areas
    ("(一)积极推进政府信息主动公开。全年共发布信息512条。", {"proactive_total": 512}),
    ("一是聚焦重点领域,拓宽主动公开范围。全年主动公开发布各类信息1658条。", {"proactive_total": 1658}),
    # the means in a clause of its own; 信息公开 as the verb; the agency between verb and object
    ("全年,通过县政府门户网站等渠道,共计发布各类政府信息2345条。", {"proactive_total": 2345}),
    ("2020年,全乡政府信息公开212条。", {"proactive_total": 212}),
    ("2020年,某街道办事处在政府网站政务信息公开总计734条,其中包括公开指南1条。", {"proactive_total": 734}),
    ("全年主动公开我局政府信息96条。", {"proactive_total": 96}),
    ("全年共收到群众依申请公开信件3件。", {"requests_received": 3}),
    # replies figure first, in 条, with the reason between
    (
        "收到信息公开申请6条,其中2条已公开,3条属于国家秘密,不予以公开;1条属于重复申请,不予以处理。",
        {"requests_received": 6, "granted": 2, "refused": 3, "not_processed": 1},
    ),
    # the report's own section on disputes, short-named
    ("(五)复议、诉讼情况\n2020年,本乡无复议、诉讼情况发生。", {"admin_reviews": 0, "lawsuits": 0}),
    # disputes listed after the requests in one none-statement
    (
        "本年度未收到任何形式的政府信息公开申请、行政复议和行政诉讼。",
        {"requests_received": 0, "admin_reviews": 0, "lawsuits": 0},
    ),
    # a count word and no unit; 共有 as the verb; channels together
    ("2020年主动公开的各类政府信息数量4410。", {"proactive_total": 4410}),
    ("全年局门户网站、微信、微博发布政府信息共有812条,包括工作动态等。", {"proactive_total": 812}),
    # of all information published, the proactive part is the year's total
    ("2020年度共公开政府信息930条。其中,主动公开901条。", {"proactive_total": 901}),
    # but a kind among what was published is not
    (
        "全年在政府网站、微信公众号上发布各类公开信息620条,其中主动公开制式文件210条。",
        {"proactive_total": 620},
    ),
    # a 累计 count from the year's first day to its last
    ("自2020年1月1日起至2020年12月31日止,累计主动公开政府信息149条。", {"proactive_total": 149}),
    # carried forward: 顺延 with the next year named, 转结 figure first
    (
        "2020年共受理政府信息公开申请44件,顺延到2021年度申请2件。",
        {"requests_received": 44, "carried_forward": 2},
    ),
    ("另有5件申请转结下年度继续办理。", {"carried_forward": 5}),
    ("在微信公众平台上公开116条信息,在微博上发布信息40条。", {"wechat_items": 116, "weibo_items": 40}),
    # a website's count beside a total stated elsewhere is the website's own
    (
        "全年共主动公开政府信息58条。\n通过政府网站主动公开信息58条。",
        {"proactive_total": 58, "website_items": 58},
    ),
    # an up-to count followed by the year's new ones; 累计 to this year's end, or after a heading
    ("截至2020年12月30日,我乡在县政府网站共主动公开政府信息615条,今年新增94条。", {"proactive_total": 94}),
    ("截至今年12月底,累计主动公开政府信息119条。", {"proactive_total": 119}),
    ("(一)主动公开的数量:我乡2020年累计主动公开政府信息521条。", {"proactive_total": 521}),
    # replies in 宗, 属于…范围, "…件申请的内容予以公开"
    ("全年共收到公开申请32件。不予公开2宗,占6.3%。", {"requests_received": 32, "refused": 2}),
    (
        "2020年共受理依申请公开17件,其中:属于公开范围5件,属于部分公开范围4件。",
        {"requests_received": 17, "granted": 5, "partially_granted": 4},
    ),
    ("收到政府信息公开申请5件,其中4件申请的内容予以公开。", {"requests_received": 5, "granted": 4}),
    # none-statements: 办理事项, 申请人要求公开
    ("2020年,街道办事处未收到依申请公开政府信息办理事项。", {"requests_received": 0}),
    ("2020年,我乡没有收到申请人要求公开政府信息的情况。", {"requests_received": 0}),
    # a website in book-title marks; the heading before a colon; the disclosure platform holds all
    ("2020年通过《某县人民政府网》发布农业、民生信息等各类信息85条。", {"proactive_total": 85}),
    ("2.依申请公开办理情况:我街道2020年度共收到4名自然人申请政府信息公开5件。", {"requests_received": 5}),
    ("2020年,通过我镇政府信息公开平台发布政务信息总数47条。", {"proactive_total": 47}),
    # the official wording under an item on an area is still the year's total
    ("二是深入推进重点领域信息公开。全年共主动公开政府信息117条。", {"proactive_total": 117}),
    # a breakdown in brackets does not split a channel's count
    (
        "主动公开政府信息3万余条,其中,某市政府门户网站发布信息16642条(概况类194条、政务动态5749条)。",
        {"website_items": 16642},
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), STATED)
def test_a_stated_figure_comes_out(sentence: str, expected: dict[str, int]) -> None:
    assert _fields(sentence) == expected


NOT_STATED = [
    # combined figures are not split
    ("其中，予以公开及部分公开258件，不予公开35件。", {"refused": 35}),
    # "no information disclosed on request" is not "no requests"
    ("2020年我街道无依申请公开政府信息。", {}),
    # other years and last year
    ("2019年收到政府信息公开申请5件。", {}),
    ("2018年结转至2019年3件。", {}),
    # a share of the total, a kind of information that should be published
    ("其中,区直各部门主动公开政府信息1822条,占53%。各乡镇主动公开政府信息1638条,占47%。", {}),
    ("2020年主动公开政府信息3460条。其他应主动公开的信息1796条。", {"proactive_total": 3460}),
    # one kind of what a channel carried
    ("2020年,通过政府网站发布解读信息127条,多元化解读48条。", {}),
    ("全年某市政府网站共发布新闻信息13767条,政府信息公开专栏发布信息3120条。", {}),
    # new and carried-over requests together are not the year's new ones
    ("2020年,某办共收到政府信息公开申请41件(含上年度结转3件)。", {"requests_carried_over": 3}),
    ("较去年收到政府信息公开申请20件有所下降。", {}),
    # cumulative counts give way to the year's own
    ("截至目前累计主动公开政府信息5928条。", {}),
    ("截止目前,我局已在市政府网站主动公开政府信息504条。", {}),
    (
        "本区到年底累计主动公开政府信息5928条，其中，本年度新增主动公开政府信息2110条。",
        {"proactive_total": 2110},
    ),
    # sub-categories and channel subsets
    ("收到申请中，通过网络收到申请30件。", {}),
    ("全年受理行政许可申请5000件。", {}),
    ("通过局门户网站公开政府信息公开52条，其他信息2167条。", {}),
    ("在市政府门户网站和法制办网站发布信息27条。", {}),
    ("“上海发布”微信公众号用户已突破550万，两条微信阅读量即达180万次。", {}),
    ("“上海科技”视频号共制作并发布短视频584条。", {}),
    # none-statements about something else
    ("全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。", {}),
    ("该行政复议件未被复议审查机关纠错。", {}),
    ("本单位没有行政事业性收费项目。", {}),
    ("2.申请人逾期未按收费通知要求缴纳费用。", {}),
    ("申请人无需缴纳费用即可查阅。", {}),
    ("本年度未收到申请。", {}),  # requests of what? nothing says
    ("本单位全年无行政复议。", {}),  # nothing says they were about disclosure
    # approximate figures never become fields
    ("发布微博300余篇实时信息。", {}),
    ("全年主动公开政府信息约1.2万条。", {}),
    # the 行政事业性收费 amount is not the disclosure fee
    ("行政事业性收费金额12.5万元。", {}),
    # reviews and suits counted together, replies of one kind of applicant, documents on a website
    ("因政府信息公开被申请行政复议和提起行政诉讼2件。", {}),
    ("共有2件行政复议和行政诉讼案件。", {}),
    ("因政府信息公开被申请行政复议、提起行政诉讼的案件3件。", {}),
    ("自然人申请中，予以公开15件，不予公开2件。", {}),
    ("在区政府门户网站公开2件行政规范性文件。", {}),
    # issues of a channel are not its items; some applicants are not all of them
    ("全年发布微信88期。", {}),
    ("2020年度，未收到法人或者其他组织对依申请公开政府信息的申请。", {}),
    # information withheld is not a reply to requests
    ("全年主动公开信息40条，其中依申请公开信息0条、不予公开为0件。", {"proactive_total": 40}),
    # costs of suits are not suits
    ("未产生与诉讼(行政复议、行政申诉)有关的费用支出。", {}),
    # vague: nothing said of requests received
    ("2020年，我局没有依申请公开事项。", {}),
    # one of the two kinds of suits is not the total
    ("因依申请公开工作引起的经复议后起诉的行政诉讼0件。", {}),
    # counts "respectively" for a list naming another channel too, or fewer channels than figures
    ("网站、抖音发布信息分别为5条和6条。", {}),
    ("通过微信发布信息分别为5条和6条。", {}),
    # two websites with a count each: neither is the total, neither is "the" website's
    ("2020年,在市人民政府门户网站公开政府信息41条,在本委网站公开政府信息299条。", {}),
    # since the office was founded; a count split by kinds of information
    ("自街道成立以来利用区政府网站公布信息92条。", {}),
    ("2020年我局通过官方网站发布政务类信息34条,概况类信息150条。", {}),
    ("行政事业性收费为零。", {}),
    # a WeChat account as the means; kinds among a website's items, or listed after its count
    ("全年,通过政务微信公众号,发布信息87条。", {}),
    ("在网站上主动公开的政府信息中便民服务信息6条。", {}),
    ("全年某局门户网站发布信息120条、政策解读5条,微信发布信息30条。", {"wechat_items": 30}),
    # 信息公开 as the verb after another channel than a website
    ("2020年,微信公众号政务信息公开85条。", {}),
    # a consultation from another office; "两个领域" counts fields, not requests
    ("本机关共收到1份区政府办公室依申请公开意见征询件。", {}),
    ("收到的政府信息公开申请主要集中在群体申请两个领域。", {}),
    # an area's count; a ground of no refusal row ("行政查询事项")
    ("全年重点领域信息公开218条,其中营商环境信息27条。", {}),
    ("收到政府信息公开申请3件,其中2件属于行政查询事项不予公开。", {"requests_received": 3}),
    # a paragraph on one channel: its count is the channel's
    ("(一)某某政府在线街道办事处主页。设工作动态等栏目，2020年共主动公开政府信息165条。", {}),
]


@pytest.mark.parametrize(("sentence", "expected"), NOT_STATED)
def test_what_only_looks_like_a_figure_stays_out(sentence: str, expected: dict[str, int]) -> None:
    assert _fields(sentence) == expected


def test_a_figure_stated_twice_differently_is_absent_and_reported() -> None:
    report = extract_text(HEAD + "全年收到政府信息公开申请12件。\n另查，本年度共受理政府信息公开申请15件。\n")
    assert "requests_received" not in report.fields
    (finding,) = report.findings
    assert finding.code == "contradiction"
    assert finding.where.endswith("line 2 vs line 3")
    assert "正文第2行为12" in finding.message and "正文第3行为15" in finding.message


def test_a_figure_stated_twice_alike_is_kept() -> None:
    report = extract_text(HEAD + "全年收到政府信息公开申请12件。\n综上，本年度共受理政府信息公开申请12件。\n")
    assert report.fields == {"requests_received": 12}
    assert report.findings == ()


# --- The start-point matcher must find exactly what a plain scan finds -------------------------


_ANCHORED = [p for p in phrases._PATTERNS if p.starts and not p.window]
_WORDS = sorted(
    {word for p in _ANCHORED for word, _ in p.starts} | {"政府信息公开申请", "件", "3", "十二", "，"}
)


def _same_as_finditer(prose: str) -> None:
    found: dict[str, list[int]] = {}
    for pattern in _ANCHORED:
        fast = [(m.start(), m.end()) for m in phrases._anchored(pattern, prose, found)]
        plain = [(m.start(), m.end()) for m in pattern.regex.finditer(prose)]
        assert fast == plain, pattern.regex.pattern


def test_start_point_matching_equals_finditer_on_the_corpus(corpus):
    for path in sorted(corpus.glob("*.txt")):
        _same_as_finditer(normalize(path.read_text(encoding="utf-8")))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=3), max_size=40))
def test_start_point_matching_equals_finditer_on_made_up_text(parts):
    _same_as_finditer("".join(parts))


def test_a_websites_own_count_outweighs_the_total_read_as_one() -> None:
    report = extract_text(
        HEAD + "2020年，本局通过部门网站主动公开政府信息393条。\n“某某科技”网站全年发布信息2139条。\n"
    )
    assert report.fields == {"proactive_total": 393, "website_items": 2139}
    assert report.findings == ()
