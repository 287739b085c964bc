// The demo company's offices and customer sites, in the datum of the map each was picked on.
import type { Datum } from '../db/generated/sqlite/enums.js';

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
