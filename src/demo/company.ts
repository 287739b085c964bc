// The demo company: an NEV after-sales team (Shanghai), a field sales team (Hangzhou) and a
// customer-service team (Chengdu), with HR and an admin. Names and places are fictional;
// coordinates are real-looking points stored in the datum of the map they came from.
import type { Datum, Role } from '../db/generated/sqlite/enums.js';

export interface DemoPerson {
  key: string;
  name: string;
  pinyin: string;
  role: Role;
  team?: 'aftersales' | 'sales' | 'service';
  position: 'engineer' | 'sales_rep' | 'cs_agent' | 'team_lead' | 'hr' | 'admin';
  locale?: 'zh-CN' | 'en';
  /** Days before the seed date they were hired. */
  hiredDaysAgo: number;
  trait?: 'late_streak' | 'low_rating' | 'suspicious_checkin' | 'star' | 'probation';
}

export const DEPARTMENTS = [
  { id: 'dept_aftersales', code: 'AFTERSALES', name: '售后服务部' },
  { id: 'dept_sales', code: 'SALES', name: '华东销售部' },
  { id: 'dept_service', code: 'SERVICE', name: '客户服务中心' },
  { id: 'dept_hr', code: 'HR', name: '人力资源部' },
] as const;

export const TEAMS = [
  {
    id: 'team_aftersales',
    code: 'aftersales',
    name: '新能源售后一组',
    departmentId: 'dept_aftersales',
    manager: 'wangjianguo',
  },
  { id: 'team_sales', code: 'sales', name: '杭州外勤销售组', departmentId: 'dept_sales', manager: 'sunli' },
  { id: 'team_service', code: 'service', name: '成都客服一组', departmentId: 'dept_service', manager: 'linfang' },
] as const;

export const POSITIONS = [
  {
    id: 'pos_engineer',
    code: 'engineer',
    name: '售后工程师',
    departmentId: 'dept_aftersales',
    skills: 'ev,battery,diagnostics,field',
    probationMonths: 3,
  },
  {
    id: 'pos_sales_rep',
    code: 'sales_rep',
    name: '外勤销售代表',
    departmentId: 'dept_sales',
    skills: 'sales,negotiation,field',
    probationMonths: 3,
  },
  {
    id: 'pos_cs_agent',
    code: 'cs_agent',
    name: '客服专员',
    departmentId: 'dept_service',
    skills: 'chat,phone,ecommerce',
    probationMonths: 2,
  },
  {
    id: 'pos_team_lead',
    code: 'team_lead',
    name: '组长',
    departmentId: null,
    skills: 'management',
    probationMonths: 6,
  },
  { id: 'pos_hr', code: 'hr', name: '人事专员', departmentId: 'dept_hr', skills: 'hr,payroll', probationMonths: 3 },
  { id: 'pos_admin', code: 'admin', name: '系统管理员', departmentId: 'dept_hr', skills: 'it', probationMonths: 3 },
] as const;

export const PEOPLE: DemoPerson[] = [
  { key: 'shentao', name: '沈涛', pinyin: 'shentao', role: 'ADMIN', position: 'admin', hiredDaysAgo: 1400 },
  { key: 'malin', name: '马琳', pinyin: 'malin', role: 'HR', position: 'hr', hiredDaysAgo: 1100 },
  { key: 'fangyuan', name: '方圆', pinyin: 'fangyuan', role: 'HR', position: 'hr', hiredDaysAgo: 600 },

  {
    key: 'wangjianguo',
    name: '王建国',
    pinyin: 'wangjianguo',
    role: 'MANAGER',
    team: 'aftersales',
    position: 'team_lead',
    hiredDaysAgo: 1500,
  },
  {
    key: 'liming',
    name: '李明',
    pinyin: 'liming',
    role: 'EMPLOYEE',
    team: 'aftersales',
    position: 'engineer',
    hiredDaysAgo: 900,
    trait: 'star',
  },
  {
    key: 'zhangwei',
    name: '张伟',
    pinyin: 'zhangwei',
    role: 'EMPLOYEE',
    team: 'aftersales',
    position: 'engineer',
    hiredDaysAgo: 700,
  },
  {
    key: 'liuyang',
    name: '刘洋',
    pinyin: 'liuyang',
    role: 'EMPLOYEE',
    team: 'aftersales',
    position: 'engineer',
    hiredDaysAgo: 520,
  },
  {
    key: 'chenjie',
    name: '陈杰',
    pinyin: 'chenjie',
    role: 'EMPLOYEE',
    team: 'aftersales',
    position: 'engineer',
    hiredDaysAgo: 430,
  },
  {
    key: 'zhaolei',
    name: '赵磊',
    pinyin: 'zhaolei',
    role: 'EMPLOYEE',
    team: 'aftersales',
    position: 'engineer',
    hiredDaysAgo: 380,
    trait: 'late_streak',
  },
  {
    key: 'wuhao',
    name: '吴昊',
    pinyin: 'wuhao',
    role: 'EMPLOYEE',
    team: 'aftersales',
    position: 'engineer',
    hiredDaysAgo: 300,
    trait: 'low_rating',
  },
  {
    key: 'zhouqiang',
    name: '周强',
    pinyin: 'zhouqiang',
    role: 'EMPLOYEE',
    team: 'aftersales',
    position: 'engineer',
    hiredDaysAgo: 260,
    trait: 'suspicious_checkin',
  },
  {
    key: 'yangfan',
    name: '杨帆',
    pinyin: 'yangfan',
    role: 'EMPLOYEE',
    team: 'aftersales',
    position: 'engineer',
    hiredDaysAgo: 55,
    trait: 'probation',
  },

  {
    key: 'sunli',
    name: '孙丽',
    pinyin: 'sunli',
    role: 'MANAGER',
    team: 'sales',
    position: 'team_lead',
    hiredDaysAgo: 1200,
  },
  {
    key: 'qiantao',
    name: '钱涛',
    pinyin: 'qiantao',
    role: 'EMPLOYEE',
    team: 'sales',
    position: 'sales_rep',
    hiredDaysAgo: 800,
    trait: 'star',
  },
  {
    key: 'zhengxue',
    name: '郑雪',
    pinyin: 'zhengxue',
    role: 'EMPLOYEE',
    team: 'sales',
    position: 'sales_rep',
    hiredDaysAgo: 610,
  },
  {
    key: 'fengchao',
    name: '冯超',
    pinyin: 'fengchao',
    role: 'EMPLOYEE',
    team: 'sales',
    position: 'sales_rep',
    hiredDaysAgo: 450,
  },
  {
    key: 'hejing',
    name: '何静',
    pinyin: 'hejing',
    role: 'EMPLOYEE',
    team: 'sales',
    position: 'sales_rep',
    hiredDaysAgo: 340,
  },
  {
    key: 'danielwu',
    name: 'Daniel Wu',
    pinyin: 'danielwu',
    role: 'EMPLOYEE',
    team: 'sales',
    position: 'sales_rep',
    hiredDaysAgo: 200,
    locale: 'en',
  },

  {
    key: 'linfang',
    name: '林芳',
    pinyin: 'linfang',
    role: 'MANAGER',
    team: 'service',
    position: 'team_lead',
    hiredDaysAgo: 1000,
  },
  {
    key: 'gaomin',
    name: '高敏',
    pinyin: 'gaomin',
    role: 'EMPLOYEE',
    team: 'service',
    position: 'cs_agent',
    hiredDaysAgo: 720,
    trait: 'star',
  },
  {
    key: 'luodan',
    name: '罗丹',
    pinyin: 'luodan',
    role: 'EMPLOYEE',
    team: 'service',
    position: 'cs_agent',
    hiredDaysAgo: 540,
  },
  {
    key: 'liangshuang',
    name: '梁爽',
    pinyin: 'liangshuang',
    role: 'EMPLOYEE',
    team: 'service',
    position: 'cs_agent',
    hiredDaysAgo: 410,
  },
  {
    key: 'songjia',
    name: '宋佳',
    pinyin: 'songjia',
    role: 'EMPLOYEE',
    team: 'service',
    position: 'cs_agent',
    hiredDaysAgo: 330,
  },
  {
    key: 'tangying',
    name: '唐颖',
    pinyin: 'tangying',
    role: 'EMPLOYEE',
    team: 'service',
    position: 'cs_agent',
    hiredDaysAgo: 150,
  },
  {
    key: 'hanmei',
    name: '韩梅',
    pinyin: 'hanmei',
    role: 'EMPLOYEE',
    team: 'service',
    position: 'cs_agent',
    hiredDaysAgo: 40,
    trait: 'probation',
  },
];

export interface DemoSite {
  id: string;
  code: string;
  name: string;
  customer: string;
  city: string;
  lng: number;
  lat: number;
  datum: Datum;
  team: 'aftersales' | 'sales' | 'service' | 'office';
}

// Shanghai and Chengdu points were picked on Amap (GCJ-02), two Hangzhou points on Baidu (BD-09).
export const SITES: DemoSite[] = [
  {
    id: 'site_sh_office',
    code: 'SH-HQ',
    name: '上海嘉定售后中心',
    customer: '考谱演示公司',
    city: '上海',
    lng: 121.250333,
    lat: 31.383524,
    datum: 'GCJ02',
    team: 'office',
  },
  {
    id: 'site_sh_anting',
    code: 'SH-AT',
    name: '安亭充电运维站',
    customer: '沪通新能源出行',
    city: '上海',
    lng: 121.166977,
    lat: 31.294927,
    datum: 'GCJ02',
    team: 'aftersales',
  },
  {
    id: 'site_sh_zhangjiang',
    code: 'SH-ZJ',
    name: '张江车队停车场',
    customer: '浦江网约车队',
    city: '上海',
    lng: 121.590773,
    lat: 31.204703,
    datum: 'GCJ02',
    team: 'aftersales',
  },
  {
    id: 'site_sh_xinzhuang',
    code: 'SH-XZ',
    name: '莘庄维修合作点',
    customer: '闵行公交新能源分公司',
    city: '上海',
    lng: 121.385129,
    lat: 31.111304,
    datum: 'GCJ02',
    team: 'aftersales',
  },
  {
    id: 'site_sh_baoshan',
    code: 'SH-BS',
    name: '宝山物流园充电站',
    customer: '北港冷链物流',
    city: '上海',
    lng: 121.489371,
    lat: 31.404598,
    datum: 'GCJ02',
    team: 'aftersales',
  },
  {
    id: 'site_sh_hongqiao',
    code: 'SH-HQ2',
    name: '虹桥枢纽出租车蓄车场',
    customer: '申城出租汽车',
    city: '上海',
    lng: 121.320197,
    lat: 31.194062,
    datum: 'GCJ02',
    team: 'aftersales',
  },
  {
    id: 'site_hz_office',
    code: 'HZ-OF',
    name: '杭州销售办公室',
    customer: '考谱演示公司',
    city: '杭州',
    lng: 120.219375,
    lat: 30.259244,
    datum: 'GCJ02',
    team: 'office',
  },
  {
    id: 'site_hz_xixi',
    code: 'HZ-XX',
    name: '西溪科技园车队',
    customer: '西溪智行科技',
    city: '杭州',
    lng: 120.076112,
    lat: 30.279937,
    datum: 'BD09',
    team: 'sales',
  },
  {
    id: 'site_hz_binjiang',
    code: 'HZ-BJ',
    name: '滨江物流中心',
    customer: '钱塘速运',
    city: '杭州',
    lng: 120.218421,
    lat: 30.214588,
    datum: 'BD09',
    team: 'sales',
  },
  {
    id: 'site_hz_xiaoshan',
    code: 'HZ-XS',
    name: '萧山机场巴士公司',
    customer: '萧山空港巴士',
    city: '杭州',
    lng: 120.432365,
    lat: 30.236753,
    datum: 'GCJ02',
    team: 'sales',
  },
  {
    id: 'site_hz_yuhang',
    code: 'HZ-YH',
    name: '余杭城配车队',
    customer: '良渚城配',
    city: '杭州',
    lng: 120.300241,
    lat: 30.418472,
    datum: 'GCJ02',
    team: 'sales',
  },
  {
    id: 'site_cd_office',
    code: 'CD-TF',
    name: '成都天府软件园客服中心',
    customer: '考谱演示公司',
    city: '成都',
    lng: 104.069738,
    lat: 30.546911,
    datum: 'GCJ02',
    team: 'office',
  },
];
