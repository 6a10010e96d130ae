/**
 * Writes lib/auth/common-passwords.ts: the stems of passwords people pick first, which the
 * password policy refuses (lib/auth/common-passwords-check.ts). Run with
 *   node --import tsx scripts/auth/generate-common-passwords.ts
 * The policy lower-cases a password, undoes common letter-for-symbol swaps (@ → a, 0 → o …)
 * and strips digits and symbols from its ends before looking it up, so the list holds only
 * stems: "password" stands for Password1, P@ssw0rd!, password2026 and the like.
 * Built from well-known patterns here (no downloaded list, no licence to carry).
 */
import { writeFileSync } from "node:fs";

const ENGLISH_WORDS = `password passwd pass passport passwort secret secrets letmein welcome welcome1 hello hi hey
login logon admin administrator root superuser super sysadmin system systems manager master guest user users
default changeme change test tester testing temp temporary demo sample example trial public private secure
security access open opensesame sesame enter qwerty qwertz azerty qwertyuiop asdf asdfg asdfgh asdfghjkl
zxcv zxcvb zxcvbn zxcvbnm qwer qwert qwe asd zxc qweasd qweasdzxc qazwsx qazwsxedc wsxedc qaz wsx 1qaz2wsx
1qaz2wsx3edc 1q2w3e 1q2w3e4r 1q2w3e4r5t q1w2e3r4 q1w2e3 zaq1xsw2 zaq12wsx qwe123 abc abcd abcde abcdef
abcdefg abcdefgh abcdefghi abc123 iloveyou ilove loveyou love lover loving baby babygirl babyboy princess
prince angel angels sunshine sunny shadow monkey dragon tiger lion eagle falcon wolf bear fish dog cat kitty
puppy football baseball basketball soccer hockey tennis golf batman superman spiderman ironman starwars
pokemon naruto mario zelda minecraft killer hunter ranger soldier warrior ninja samurai pirate joker
trustno1 whatever nothing freedom liberty justice summer winter spring autumn flower flowers rose garden
orange banana apple cherry lemon peach mango strawberry chocolate cookie cookies candy sugar honey coffee
pepper ginger cheese pizza money dollar dollars cash rich lucky luck happy smile funny crazy cool sweet
beautiful pretty lovely magic dream dreams forever always family friend friends friendship mother father
mom dad sister brother daughter son jesus christ god heaven angel1 blessed faith hope grace peace
computer internet network server database oracle mysql postgres sql linux windows microsoft apple google
facebook twitter yahoo hotmail gmail email mail office work company business service support online
account accounts bank banking finance money1 credit loan loans invoice office365 company1 corporate
silver gold golden diamond platinum crystal star stars moon sun sky blue red green black white yellow purple
pink orange1 purple1 rainbow thunder lightning storm snow ice fire water earth wind ocean river mountain
forest jungle island paradise heaven1 hell devil demon ghost spirit soul matrix phoenix legend hero
champion winner victory success power energy speed rocket racing ferrari porsche bmw mercedes audi toyota
honda nissan ford jaguar mustang harley yamaha music guitar piano rock metal jazz party dance disco
november december january february march april may june july august september october monday tuesday
wednesday thursday friday saturday sunday today tomorrow yesterday morning night midnight
hello123 passw0rd p4ssword letmein1 welcome123 admin123 root123 test123 abc123456 aaa aaaa aaaaa aaaaaa
qqq qqqq qqqqq 111 1111 11111 111111 123 1234 12345 123456 1234567 12345678 123456789 1234567890
123qwe 123abc 123asd 321 654321 987654321 a1b2c3 a1b2c3d4 aa bb cc xx xxx xxxx zzz zzzz
iloveu iloveyou1 love123 secret1 killer1 dragon1 monkey1 shadow1 master1 michael1
`;

const ENGLISH_NAMES = `michael jennifer jessica ashley amanda sarah daniel david james john robert william richard thomas
charles christopher matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry tyler aaron jose henry
adam douglas nathan peter zachary kyle walter harold jeremy ethan carl keith roger gerald christian
terry sean arthur austin noah lawrence jesse joe bryan billy jordan albert dylan bruce willie gabriel
alan juan logan wayne ralph roy eugene randy vincent russell louis philip bobby johnny bradley mary
patricia linda barbara elizabeth susan margaret dorothy lisa nancy karen betty helen sandra donna carol
ruth sharon michelle laura kimberly deborah stephanie rebecca emily melissa anna nicole katherine
christine samantha janet catherine frances debra rachel carolyn maria heather diane virginia julie joyce
victoria kelly christina lauren joan evelyn olivia judith megan cheryl martha andrea hannah jacqueline
jean ann gloria teresa kathryn sara janice doris madison julia grace judy abigail marie denise beverly
amber theresa marilyn danielle diana brittany natalie sophia rose isabella alexis kayla charlotte alice
tom tommy jim jimmy bob bill mike mikey tony steve dave danny chris matt nick alex sam ben max leo lily
lucy emma mia ella amy eva jenny kate tina cindy wendy vivian grace1 jack1 kevin1 jason1 eric1 tony1
`;

// Pinyin and Chinese-internet favourites (woaini = 我爱你, 1314 = 一生一世 …).
const PINYIN_WORDS = `woaini woaini1314 woaiwojia woaiwoma woaiwoba aini aiwo woai ainiyo aiqing qinai qinaide baobei
laopo laogong xiaobao xiaobaobao baobao meimei gege jiejie didi mama baba yeye nainai pengyou
nihao nihaoma huanying xiexie zaijian haoren huairen tiancai shuaige meinv xiaomei xiaoming xiaohong
xiaoli xiaowang xiaozhang xiaoliu xiaochen xiaolin xiaoyu xiaoxiao haha hehe hahaha hehehe
mima mimami mimamima zhanghao denglu guanli guanliyuan xitong ceshi yonghu kehu fuwu
zhongguo china chinese zhonghua huaxia beijing shanghai tianjin chongqing shenzhen guangzhou hangzhou
nanjing suzhou wuhan chengdu xian changsha zhengzhou jinan qingdao dalian shenyang harbin hefei fuzhou
xiamen nanchang kunming guiyang nanning haikou lanzhou xining yinchuan urumqi lhasa hohhot taiyuan
shijiazhuang changchun ningbo wuxi dongguan foshan zhuhai
taobao tmall alipay zhifubao weixin wechat qq qqq123 baidu tencent alibaba huawei xiaomi lenovo
jinrong yinhang daikuan rongzi rongqiao qiao qiye yuanqu zhengfu caizheng renmin renminyinhang
gongshang jianshe nongye zhaoshang jiaotong pufa minsheng xingye guangda zhongxin pingan
dongfang hongxing hongqi long feilong tianlong shenlong longlong fenghuang jinlong yinlong
fa facai fafa fafafa babababa liuliuliu jiujiu kuaile xingfu pingan1 shunli ruyi jixiang
aa123 a123 abc123456 asd123 qwe123456 zxc123 woshishui woshiniba wodemima mimashi
`;

// The hundred commonest surnames and common given-name syllables: name + digits is the
// commonest pattern of all in Chinese password leaks.
const SURNAMES = `wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang
xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lv
ding ren lu yao shen zhong jiang cui tan fan jin shi liao jia xia fu fang zou xiong bai meng qin qiu
hou jiang yin xue yan duan lei long li shi tao he mao hao gu gong shao wan qian yan tan dai mo kong
xiang chang wen niu ou yin qi ouyang shangguan sima zhuge`;

const GIVEN = `wei fang na min jing li qiang lei jun yang yong yan jie juan tao ming chao xiu xia ping gang
hui hong ling hua bin yu fei peng xin bo ning long hao kai ying dan lan mei ting qing xue yi ze zhi yun
feng lin rui jian guang hai dong jia xuan han chen hang wen bing lu yue shan qian zhen cheng xiang tian`;

const words = (s: string) => s.split(/\s+/).filter(Boolean);

const stems = new Set<string>();
const add = (w: string) => {
  const s = w.toLowerCase();
  if (s) stems.add(s);
};

for (const w of [...words(ENGLISH_WORDS), ...words(ENGLISH_NAMES), ...words(PINYIN_WORDS)]) add(w);
const surnames = [...new Set(words(SURNAMES))];
const given = [...new Set(words(GIVEN))];
for (const s of surnames) {
  add(s);
  for (const g of given) {
    add(s + g); // zhangwei
  }
}
for (const g of given) add(g + g); // tingting, lili
// A letter or two before the digits (a123456, Aa123456!) is as weak as digits alone.
for (const a of "abcdefghijklmnopqrstuvwxyz") {
  add(a);
  add(a + a);
  add(a + a + a);
}
// A stem that is a word followed by "ilove" or "love": iloveyou, ilovechina …
for (const w of ["you", "china", "u", "me", "her", "him", "money", "music"]) {
  add(`ilove${w}`);
  add(`love${w}`);
}

const sorted = [...stems].sort();
const body = sorted.join("\n");
const out = `// Generated by scripts/auth/generate-common-passwords.ts: edit that script, not this file.
// ${sorted.length} stems of passwords people pick first, lower case, one a line.
export const COMMON_PASSWORD_STEMS = \`
${body}
\`;
`;
writeFileSync(new URL("../../lib/auth/common-passwords.ts", import.meta.url), out);
console.info(`lib/auth/common-passwords.ts: ${sorted.length} stems`);
