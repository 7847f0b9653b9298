// Fixed vocabulary of the demo data: fictional Chinese industrial customers (English names with their
// place names), product lines, people and activity wording. prisma/seed-plan.ts combines them with a
// seeded PRNG, so every fresh install shows the same CRM.
import type { ActivityTypeKey } from "../lib/domain/activities";
import type { StageKey } from "../lib/domain/stages";

export const DEMO_ORG_NAME = "Demo Industrial Co.";
export const OTHER_ORG_NAME = "Other Org Ltd.";
export const DEMO_PASSWORD = "Demo-Pipeline-2026";

export type TeamKey = "North" | "South";
export type DemoUserKey = "admin" | "manager" | "rep" | "rep2" | "manager2" | "rep3";

export const DEMO_USERS: Record<DemoUserKey, { email: string; name: string; role: "REP" | "MANAGER" | "ADMIN" }> = {
  admin: { email: "admin@demo.test", name: "Chen Jing", role: "ADMIN" },
  manager: { email: "manager@demo.test", name: "Wang Qiang", role: "MANAGER" },
  rep: { email: "rep@demo.test", name: "Liu Yang", role: "REP" },
  rep2: { email: "rep2@demo.test", name: "Zhao Min", role: "REP" },
  manager2: { email: "manager2@demo.test", name: "Huang Lei", role: "MANAGER" },
  rep3: { email: "rep3@demo.test", name: "Zhou Ting", role: "REP" },
};
export const OTHER_ADMIN = { email: "other@demo.test", name: "Sun Hao", role: "ADMIN" as const };

/** Who sells in which team; accounts of the team's regions are handed out in this rotation. */
export const TEAM_SELLERS: Record<TeamKey, { manager: DemoUserKey; rotation: DemoUserKey[] }> = {
  North: { manager: "manager", rotation: ["rep", "rep2", "rep", "rep2", "manager"] },
  South: { manager: "manager2", rotation: ["rep3", "rep3", "manager2"] },
};

export const REGION_TEAM: Record<string, TeamKey> = {
  "North China": "North", Northeast: "North", Northwest: "North",
  "East China": "South", "South China": "South", Southwest: "South",
};

export const SEGMENTS = ["Strategic", "Large Enterprise", "Mid-Market"] as const;

type AccountSeed = [name: string, short: string, industry: string, region: string];

export const DEMO_ACCOUNTS: AccountSeed[] = [
  ["North China Power Grid Corp.", "NC Power Grid", "Power Utilities", "North China"],
  ["Beijing Metro Operations Co.", "Beijing Metro", "Rail Transit", "North China"],
  ["Tianjin Binhai Container Terminal", "Binhai Terminal", "Ports & Logistics", "North China"],
  ["Hebei Caofeidian Steel Group", "Caofeidian Steel", "Metallurgy", "North China"],
  ["Shanxi Coal Energy Holdings", "Shanxi Coal Energy", "Mining", "North China"],
  ["Inner Mongolia Grassland Wind Power", "Grassland Wind", "Renewable Energy", "North China"],
  ["Shandong Dongying Refinery", "Dongying Refinery", "Petrochemicals", "North China"],
  ["Qingdao Food Machinery Works", "Qingdao Machinery", "Manufacturing", "North China"],
  ["Jinan Water Supply Group", "Jinan Water", "Water & Wastewater", "North China"],
  ["Beijing Yizhuang Data Center Park", "Yizhuang DC Park", "Data Centers", "North China"],
  ["Tangshan Cement Works", "Tangshan Cement", "Building Materials", "North China"],
  ["Taiyuan Heavy Machinery Co.", "Taiyuan Heavy", "Manufacturing", "North China"],
  ["Yantai Pharmaceutical Group", "Yantai Pharma", "Pharmaceuticals", "North China"],
  ["Zibo Chemical Industrial Park", "Zibo Chemical Park", "Petrochemicals", "North China"],
  ["Baotou Rare Earth Alloys", "Baotou Alloys", "Metallurgy", "North China"],
  ["Shenyang Municipal Grid Co.", "Shenyang Grid", "Power Utilities", "Northeast"],
  ["Dalian Bohai Shipyard", "Bohai Shipyard", "Shipbuilding", "Northeast"],
  ["Anshan Heavy Plate Steel Works", "Anshan Plate Steel", "Metallurgy", "Northeast"],
  ["Harbin Songhua Electric Machinery", "Songhua Electric", "Manufacturing", "Northeast"],
  ["Changchun Northern Rail Vehicles", "Northern Rail Vehicles", "Rail Transit", "Northeast"],
  ["Daqing Songliao Oilfield Services", "Songliao Oilfield", "Petrochemicals", "Northeast"],
  ["Jilin Songyuan Chemical Fibre", "Songyuan Fibre", "Petrochemicals", "Northeast"],
  ["Shaanxi Ordos Basin Energy", "Ordos Basin Energy", "Petrochemicals", "Northwest"],
  ["Xi'an Aerospace Components Co.", "Xi'an Aerospace", "Manufacturing", "Northwest"],
  ["Gansu Jiuquan Wind Base", "Jiuquan Wind", "Renewable Energy", "Northwest"],
  ["Ningxia Coal-to-Chemicals Co.", "Ningxia Coal Chem", "Petrochemicals", "Northwest"],
  ["Xinjiang Tianshan Solar Investment", "Tianshan Solar", "Renewable Energy", "Northwest"],
  ["Qinghai Chaidamu Potash", "Chaidamu Potash", "Mining", "Northwest"],
  ["Lanzhou Yellow River Petrochemical", "Yellow River Petrochem", "Petrochemicals", "Northwest"],
  ["Urumqi Water Affairs Group", "Urumqi Water", "Water & Wastewater", "Northwest"],
  ["East China Power Group", "East China Power", "Power Utilities", "East China"],
  ["Shanghai Metro Maintenance Co.", "Shanghai Metro", "Rail Transit", "East China"],
  ["Ningbo Beilun Bulk Terminal", "Beilun Terminal", "Ports & Logistics", "East China"],
  ["Nanjing Jiangbei Steel Co.", "Jiangbei Steel", "Metallurgy", "East China"],
  ["Hangzhou Data Valley", "Hangzhou Data Valley", "Data Centers", "East China"],
  ["Suzhou Industrial Park Utilities", "Suzhou Park Utilities", "Power Utilities", "East China"],
  ["Wuxi Semiconductor Fab Co.", "Wuxi Fab", "Electronics", "East China"],
  ["Hefei New Energy Vehicles", "Hefei NEV", "Manufacturing", "East China"],
  ["Xiamen Water Group", "Xiamen Water", "Water & Wastewater", "East China"],
  ["Shanghai Lingang Logistics Hub", "Lingang Logistics", "Ports & Logistics", "East China"],
  ["Jiangsu Rudong Offshore Wind", "Rudong Offshore Wind", "Renewable Energy", "East China"],
  ["Tongling Copper Smelting Co.", "Tongling Copper", "Metallurgy", "East China"],
  ["Zhoushan Green Petrochemical Base", "Zhoushan Petrochem", "Petrochemicals", "East China"],
  ["Shanghai Zhangjiang Biopharma Park", "Zhangjiang Biopharma", "Pharmaceuticals", "East China"],
  ["Nantong Yangtze Shipyard", "Yangtze Shipyard", "Shipbuilding", "East China"],
  ["Guangdong Pearl River Power Supply", "Pearl River Power", "Power Utilities", "South China"],
  ["Shenzhen Qianhai Metro Operations", "Qianhai Metro", "Rail Transit", "South China"],
  ["Guangzhou Nansha Port Logistics", "Nansha Port", "Ports & Logistics", "South China"],
  ["Dongguan Electronics Manufacturing", "Dongguan Electronics", "Electronics", "South China"],
  ["Shenzhen Cloud Data Center", "Shenzhen Cloud DC", "Data Centers", "South China"],
  ["Liuzhou Guijiang Steel", "Guijiang Steel", "Metallurgy", "South China"],
  ["Hainan Offshore Wind Power", "Hainan Offshore Wind", "Renewable Energy", "South China"],
  ["Zhuhai Pharmaceutical Group", "Zhuhai Pharma", "Pharmaceuticals", "South China"],
  ["Foshan Ceramics Industrial Co.", "Foshan Ceramics", "Building Materials", "South China"],
  ["Sichuan Minjiang Hydropower", "Minjiang Hydro", "Power Utilities", "Southwest"],
  ["Chongqing Rail Transit Group", "Chongqing Rail", "Rail Transit", "Southwest"],
  ["Gejiu Tin & Copper Mining", "Gejiu Mining", "Mining", "Southwest"],
  ["Guizhou Big Data Center", "Guizhou Big Data", "Data Centers", "Southwest"],
  ["Chengdu Water Environment Group", "Chengdu Water", "Water & Wastewater", "Southwest"],
  ["Panzhihua Vanadium-Titanium Alloys", "Panzhihua Alloys", "Metallurgy", "Southwest"],
];

/** The other tenant's few records: visible to its admin only, so any cross-org leak shows in the UI. */
export const OTHER_ACCOUNTS: AccountSeed[] = [
  ["Harbour Crane Services Ltd.", "Harbour Crane", "Ports & Logistics", "East China"],
  ["Pearl Delta Textile Mills", "Pearl Delta Textile", "Manufacturing", "South China"],
  ["Northern Grain Storage Co.", "Northern Grain", "Agriculture", "North China"],
];

/** Product lines with the range of a typical deal in whole yuan. */
export const PRODUCT_LINES: { name: string; min: number; max: number; projects: string[] }[] = [
  { name: "Switchgear", min: 300_000, max: 6_000_000, projects: ["110 kV GIS substation upgrade", "10 kV ring main units", "Medium-voltage switchgear retrofit", "Low-voltage distribution panels"] },
  { name: "Transformers", min: 800_000, max: 15_000_000, projects: ["Main transformer replacement", "Dry-type transformers for the new plant", "220 kV power transformer", "Rectifier transformers"] },
  { name: "SCADA Software", min: 200_000, max: 3_500_000, projects: ["Plant-wide SCADA platform", "Energy management system", "Remote monitoring rollout", "Substation automation"] },
  { name: "Service Contracts", min: 60_000, max: 900_000, projects: ["Annual maintenance contract", "Predictive maintenance service", "Spare-parts framework agreement", "Retrofit and commissioning service"] },
  { name: "Energy Storage", min: 1_500_000, max: 25_000_000, projects: ["Battery storage pilot", "Peak-shaving storage system", "Microgrid with storage"] },
];

export const LOSS_REASONS = [
  "Lost on price to a local competitor",
  "Customer postponed the project indefinitely",
  "Competitor had a reference site in the same group",
  "Technical specification favoured a competitor",
  "Budget cut after the customer's restructuring",
  "Too weak a relationship with the decision maker",
];

export const SURNAMES = ["Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo"];
export const GIVEN_NAMES = ["Wei", "Fang", "Min", "Jing", "Lei", "Jun", "Yan", "Tao", "Ming", "Hui", "Qiang", "Xin", "Bo", "Li", "Hao", "Yu", "Jie", "Ping", "Lin", "Gang"];
export const CONTACT_TITLES = [
  "General Manager", "Deputy General Manager", "Chief Engineer", "Procurement Director", "Head of Electrical Department",
  "Project Manager", "IT Director", "Plant Manager", "Equipment Manager", "Finance Director",
];

export type { ActivityTypeKey };

/** Activities typical of each stage (METHOD.md §3: the sales-activity cycle runs alongside P0–P7). */
export const STAGE_ACTIVITIES: Record<Exclude<StageKey, "LOST">, ActivityTypeKey[]> = {
  P0: ["PHONE_CALL", "VISIT", "TRADE_SHOW"],
  P1: ["VISIT", "SURVEY"],
  P2: ["PROPOSAL", "CUSTOMER_MEETING", "VISIT"],
  P3: ["TECH_EXCHANGE", "REFERENCE_VISIT"],
  P4: ["NEEDS_SURVEY", "VISIT"],
  P5: ["SOLUTION_DESIGN", "EVALUATION"],
  P6: ["NEGOTIATION"],
  P7: ["SIGNING"],
};

/** Subject lines; {contact}, {title} and {account} are filled in by the plan. */
export const ACTIVITY_SUBJECTS: Record<ActivityTypeKey, string> = {
  PHONE_CALL: "Call with {contact} to arrange a first meeting",
  VISIT: "Visit to {contact} ({title})",
  SURVEY: "First survey of the site with {contact}",
  PROPOSAL: "First proposal sent to {contact}",
  TECH_EXCHANGE: "Technical exchange with {contact}'s engineers",
  NEEDS_SURVEY: "Needs survey workshop with {contact}",
  SOLUTION_DESIGN: "Formal solution design presented to {contact}",
  EVALUATION: "Solution evaluation meeting at {account}",
  NEGOTIATION: "Commercial negotiation with {contact}",
  SIGNING: "Contract signed with {account}",
  TRADE_SHOW: "Met {contact} at the Power Equipment Expo",
  REFERENCE_VISIT: "Reference-site tour for {contact}",
  CUSTOMER_MEETING: "Customer exchange meeting at our plant with {contact}",
};
