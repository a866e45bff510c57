import { zhText } from '../lib/zhText';
import type { Figure } from './shapes';

// Every five-year figure of the article, in its order. Quotes are verbatim (tests/fixtures/article.txt,
// which has half-width punctuation; the export sets them as Chinese is typeset);
// tests/unit/figures.test.ts proves each value and quote against it.

const Q = {
  rules:
    '加强党风廉政建设和反腐败工作,落实巡视整改任务,完善各类规章制度217项,强化工会经费预算管理,推进经审工作全覆盖。',
  reach:
    '以“中国梦·劳动美”为主题,各级工会深入开展“劳动光荣——劳动创造生活、劳动创造幸福、劳动创造未来”宣传教育活动,搭建“把微笑祝福带回家、为最美劳动者点赞”“北京大工匠故事讲堂”“幸福绽放”等系列平台,生动宣讲劳模工匠立足岗位、干事创业的光荣事迹,辐射职工群众1100万人次。',
  honours:
    '大力弘扬劳模精神、劳动精神、工匠精神,建成劳模墙、劳模广场和劳动广场,出版劳模大辞典,推荐评选市级以上劳动模范和先进工作者1247名、劳动奖状295个、劳动奖章1390名、工人先锋号641个。',
  culture:
    '注重以思想引领带动职工文化建设,举办首都职工文化艺术节,开展五一假日系列文化活动,推出太庙国学讲坛45期,组织职工演讲、摄影、书画等文化活动3200余场,建设职工书屋2315个,积极引导职工践行社会主义核心价值观。',
  competitions:
    '围绕城市副中心、大兴国际机场、冬奥场馆、“三城一区”科创中心等重大工程和重点项目,广泛开展“践行新理念、建功十三五”“当好主人翁、建功新时代”等主题劳动竞赛,策划推出京津冀三地职工职业技能大赛、“职工技协杯”职业技能竞赛,参加职工300余万人次。',
  studios:
    '建成5000余家职工创新工作室,深入开展技术革新、发明创造、合理化建议等群众性经济技术创新活动,引导职工开展科技攻坚和技术革新,推动首都创新发展。',
  partners: '与内蒙古、拉萨、玉树等6个省区市工会建立扶贫协作和对口支援关系,助力打赢脱贫攻坚战。',
  boostFunds: '推进在职职工职业发展、创新项目、名师带徒等系列助推计划,累计发放各类助推资金3629万元。',
  training: '实施首都职工素质建设工程,举办1516场公益大讲堂,线上培训职工近2000万人次。',
  exchange: '选派1058名职工赴港澳台、欧美参加技术交流活动,为职工提升职业技能搭建舞台。',
  reformDocs: '市总工会坚持以上带下、率先改革,精简机关内设机构和人员编制,制定和修订制度文件55个,为工会改革搭建了整体框架。',
  reformPilots:
    '全市16区及开发区总工会、54个试点单位从机构设置、组织网络、方式方法、工作平台等8个方面推动改革,探索形成了职工之家和职工暖心驿站社会化建设、会员满意度评价机制、基层经费保障“三补贴、三挂钩”等一批可复制易推广的典型经验和制度成果。',
  federations: '编写《北京市工会基层组织建设工作手册》,建立职工沟通会、企业沟通会制度,建成快递、互联网等18个市级行业工会联合会,扩大对新兴产业、新兴领域职工的覆盖面。',
  fundsShare:
    '联合市人力资源和社会保障局等4部门制定《关于进一步加强服务职工工作经费保障的意见》,确保70%以上工会经费用于基层和一线职工。',
  network: '截至2018年底,全市已建工会组织5.6万个,涵盖法人单位34.4万家,会员总数621万人。',
  consultation:
    '深化以职工福利费和教育经费使用、劳动保护标准、高技能人才待遇、职工带薪休假为主要内容的“四必谈”集体协商,全面推动集团型职代会制度建设,全市90.4%的建会企业开展了集体协商,94.2%的建会企事业单位建立了民主管理制度。',
  cases: '推动建立北京市协调劳动关系三方委员会,深化劳动争议调解和法律援助工作,五年来受理职工劳动争议和法律援助案件12.6万件,涉及金额7.7亿元。',
  ankang: '组织3万余家企业参与“安康杯”竞赛活动,保障职工生产安全。',
  places: '五年来,全市已建工会服务站357家,职工之家1.38万家,职工暖心驿站9650家,母婴关爱室2020家,开办子女托管班293个,联系引导社会组织1000余家;',
  digital: '12351手机APP注册用户达到125万人,12351职工服务热线受理职工诉求102万件;',
  mutualAid: '在职职工医疗互助等保障计划服务职工1139万人次,互助金额18亿元;',
  hardship: '全市在档困难职工户数从2014年的7666户减少到692户;',
  warmth:
    '“两节”送温暖、金秋助学等累计投入资金4.67亿元,走访慰问3.5万户职工家庭,帮扶1.1万名困难职工子女,全年节日、会员生日等慰问标准逐步提高,切实做到把党和政府的温暖送到职工身边。',
} as const;

const FIGURES = [
  // political
  { id: 'rules', value: 217, scale: 1, unit: 'items', measure: '项', quote: Q.rules, period: 'fiveYears', chart: 'counter' },
  { id: 'reach', value: 11_000_000, scale: 1e4, unit: 'personTimes', measure: '人次', quote: Q.reach, period: 'fiveYears', chart: 'counter' },
  { id: 'modelWorkers', value: 1247, scale: 1, unit: 'people', measure: '名', quote: Q.honours, period: 'fiveYears', chart: 'bars' },
  { id: 'laborAwards', value: 295, scale: 1, unit: 'items', measure: '个', quote: Q.honours, period: 'fiveYears', chart: 'bars' },
  { id: 'laborMedals', value: 1390, scale: 1, unit: 'people', measure: '名', quote: Q.honours, period: 'fiveYears', chart: 'bars' },
  { id: 'pioneers', value: 641, scale: 1, unit: 'items', measure: '个', quote: Q.honours, period: 'fiveYears', chart: 'bars' },
  { id: 'lectures', value: 45, scale: 1, unit: 'items', measure: '期', quote: Q.culture, period: 'fiveYears', chart: 'counter' },
  { id: 'cultureEvents', value: 3200, scale: 1, unit: 'items', qualifier: 'more', measure: '场', quote: Q.culture, period: 'fiveYears', chart: 'counter' },
  { id: 'readingRooms', value: 2315, scale: 1, unit: 'items', measure: '个', quote: Q.culture, period: 'fiveYears', chart: 'counter' },
  // advanced
  { id: 'competitors', value: 3_000_000, scale: 1e4, unit: 'personTimes', qualifier: 'more', measure: '人次', quote: Q.competitions, period: 'fiveYears', chart: 'counter' },
  { id: 'studios', value: 5000, scale: 1, unit: 'items', qualifier: 'more', measure: '家', quote: Q.studios, period: 'fiveYears', chart: 'units' },
  { id: 'partners', value: 6, scale: 1, unit: 'items', measure: '个', quote: Q.partners, period: 'fiveYears', chart: 'units' },
  { id: 'boostFunds', value: 36_290_000, scale: 1e4, unit: 'yuan', quote: Q.boostFunds, period: 'fiveYears', chart: 'ladder' },
  { id: 'publicLectures', value: 1516, scale: 1, unit: 'items', measure: '场', quote: Q.training, period: 'fiveYears', chart: 'counter' },
  { id: 'onlineTraining', value: 20_000_000, scale: 1e4, unit: 'personTimes', qualifier: 'nearly', measure: '人次', quote: Q.training, period: 'fiveYears', chart: 'counter' },
  { id: 'exchange', value: 1058, scale: 1, unit: 'people', measure: '名', quote: Q.exchange, period: 'fiveYears', chart: 'units' },
  // mass
  { id: 'reformDocs', value: 55, scale: 1, unit: 'items', measure: '个', quote: Q.reformDocs, period: 'fiveYears', chart: 'units' },
  { id: 'pilotUnits', value: 54, scale: 1, unit: 'items', measure: '个', quote: Q.reformPilots, period: 'fiveYears', chart: 'counter' },
  { id: 'reformAreas', value: 8, scale: 1, unit: 'items', measure: '个', quote: Q.reformPilots, period: 'fiveYears', chart: 'counter' },
  { id: 'federations', value: 18, scale: 1, unit: 'items', measure: '个', quote: Q.federations, period: 'fiveYears', chart: 'units' },
  { id: 'fundsShare', value: 70, scale: 1, unit: 'percent', qualifier: 'atLeast', quote: Q.fundsShare, period: 'atReport', chart: 'waffle' },
  { id: 'unionOrgs', value: 56_000, scale: 1e4, unit: 'items', measure: '个', quote: Q.network, period: 'end2018', chart: 'counter' },
  { id: 'legalEntities', value: 344_000, scale: 1e4, unit: 'items', measure: '家', quote: Q.network, period: 'end2018', chart: 'counter' },
  { id: 'members', value: 6_210_000, scale: 1e4, unit: 'people', measure: '人', quote: Q.network, period: 'end2018', chart: 'counter' },
  { id: 'consultationShare', value: 90.4, scale: 1, unit: 'percent', quote: Q.consultation, period: 'atReport', chart: 'waffle' },
  { id: 'democracyShare', value: 94.2, scale: 1, unit: 'percent', quote: Q.consultation, period: 'atReport', chart: 'waffle' },
  { id: 'disputeCases', value: 126_000, scale: 1e4, unit: 'items', measure: '件', quote: Q.cases, period: 'fiveYears', chart: 'counter' },
  { id: 'disputeAmount', value: 770_000_000, scale: 1e8, unit: 'yuan', quote: Q.cases, period: 'fiveYears', chart: 'counter' },
  { id: 'ankangFirms', value: 30_000, scale: 1e4, unit: 'items', qualifier: 'more', qualifierAfterScale: true, measure: '家', quote: Q.ankang, period: 'fiveYears', chart: 'units' },
  { id: 'serviceStations', value: 357, scale: 1, unit: 'items', measure: '家', quote: Q.places, period: 'fiveYears', chart: 'ranking' },
  { id: 'workersHomes', value: 13_800, scale: 1e4, unit: 'items', measure: '家', quote: Q.places, period: 'fiveYears', chart: 'ranking' },
  { id: 'warmStations', value: 9650, scale: 1, unit: 'items', measure: '家', quote: Q.places, period: 'fiveYears', chart: 'ranking' },
  { id: 'babyRooms', value: 2020, scale: 1, unit: 'items', measure: '家', quote: Q.places, period: 'fiveYears', chart: 'ranking' },
  { id: 'childcare', value: 293, scale: 1, unit: 'items', measure: '个', quote: Q.places, period: 'fiveYears', chart: 'ranking' },
  { id: 'socialOrgs', value: 1000, scale: 1, unit: 'items', qualifier: 'more', measure: '家', quote: Q.places, period: 'fiveYears', chart: 'counter' },
  { id: 'appUsers', value: 1_250_000, scale: 1e4, unit: 'people', measure: '人', quote: Q.digital, period: 'atReport', chart: 'counter' },
  { id: 'hotlineCalls', value: 1_020_000, scale: 1e4, unit: 'items', measure: '件', quote: Q.digital, period: 'fiveYears', chart: 'counter' },
  { id: 'mutualAidServed', value: 11_390_000, scale: 1e4, unit: 'personTimes', measure: '人次', quote: Q.mutualAid, period: 'fiveYears', chart: 'counter' },
  { id: 'mutualAidAmount', value: 1_800_000_000, scale: 1e8, unit: 'yuan', quote: Q.mutualAid, period: 'fiveYears', chart: 'ladder' },
  { id: 'hardship', value: 692, scale: 1, unit: 'households', before: { value: 7666, year: 2014 }, measure: '户', quote: Q.hardship, period: 'atReport', chart: 'slope' },
  { id: 'warmthFunds', value: 467_000_000, scale: 1e8, unit: 'yuan', quote: Q.warmth, period: 'fiveYears', chart: 'ladder' },
  { id: 'visitedFamilies', value: 35_000, scale: 1e4, unit: 'households', measure: '户', quote: Q.warmth, period: 'fiveYears', chart: 'counter' },
  { id: 'childrenHelped', value: 11_000, scale: 1e4, unit: 'people', measure: '名', quote: Q.warmth, period: 'fiveYears', chart: 'counter' },
] as const satisfies readonly Figure<string>[];

/** Every figure's id: a typo anywhere in the story or its words fails `npm run check`. */
export type FigureId = (typeof FIGURES)[number]['id'];
/** The figures, their quotes typeset as Chinese is (full-width punctuation: lib/zhText). */
export const figures: readonly Figure<FigureId>[] = FIGURES.map((f) => ({ ...f, quote: zhText(f.quote) }));

/**
 * Numbers in the article's body that are deliberately not figures, with why. A test proves that
 * every digit and every Chinese numeral of the body is either in a figure or in this list.
 */
export const notFigures: readonly { text: string; why: string }[] = [
  { text: '五年', why: 'period: the five years the report covers' },
  { text: '十八大', why: 'name: the 18th Party Congress' },
  { text: '十九大', why: 'name: the 19th Party Congress' },
  { text: '十七大', why: 'name: the 17th National Congress of Chinese Trade Unions' },
  { text: '庆祝改革开放40周年大会', why: 'name: the 40th anniversary of reform and opening up' },
  { text: '四个意识', why: 'name: the Four Consciousnesses' },
  { text: '四个自信', why: 'name: the Four Confidences' },
  { text: '两个维护', why: 'name: the Two Upholds' },
  { text: '三严三实', why: 'name: the "Three Stricts and Three Earnests" campaign' },
  { text: '两学一做', why: 'name: the "Two Studies, One Action" campaign' },
  { text: '中央八项规定', why: "name: the central leadership's eight-point rules" },
  { text: '十个严禁', why: 'name: the "ten prohibitions" campaign' },
  { text: '三公经费', why: 'name: spending on official trips, vehicles and receptions' },
  { text: '五一假日', why: 'name: the May Day holiday' },
  { text: '四个中心', why: 'name: the "four centers"' },
  { text: '三城一区', why: 'name: three science cities and one demonstration area' },
  { text: '十三五', why: 'name: the 13th Five-Year Plan' },
  { text: '京津冀三地', why: 'scope: Beijing, Tianjin and Hebei' },
  { text: '四个服务', why: 'name: the "four services"' },
  { text: '2016年—2035年', why: 'date: the span of the Beijing Urban Master Plan' },
  { text: '三补贴、三挂钩', why: 'name: a funding scheme for grassroots unions' },
  { text: '全市16区', why: "scope: Beijing's sixteen districts, a fixed count, not an outcome" },
  { text: '等4部门', why: 'scope: the co-issuers of one document, not an outcome' },
  { text: '2018年底', why: 'date: when the union network was counted' },
  { text: '四必谈', why: 'name: collective consultation on four mandatory items' },
  { text: '三方委员会', why: 'name: the Tripartite Committee for Coordinating Labor Relations' },
  { text: '12351', why: "name: the workers' service hotline and its app" },
  { text: '两节', why: 'name: New Year and Spring Festival' },
  { text: '2014年', why: 'date: the baseline year of the hardship figure (kept as its `before.year`)' },
  // Words that contain a numeral but count nothing.
  { text: '一流', why: 'word: first-class' },
  { text: '一致', why: 'word: in line with' },
  { text: '进一步', why: 'word: further' },
  { text: '一批', why: 'word: a number of' },
  { text: '一线', why: 'word: frontline' },
  { text: '一体化', why: 'word: integrated' },
  { text: '最后一公里', why: 'word: the last mile' },
];
