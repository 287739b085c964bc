// The demo company: an NEV after-sales team (Shanghai), a field sales team (Hangzhou) and a
// customer-service team (Chengdu), with HR and an admin. Names and places are fictional;
// coordinates are real-looking points stored in the datum of the map they came from.
import type { Role } from '../db/generated/sqlite/enums.js';

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
