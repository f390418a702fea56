// Fictional Chinese names: a common surname and one or two given-name characters, each with
// its pinyin so that e-mail addresses read like real ones (wangfang@example.cn).

export const SURNAMES: readonly (readonly [string, string])[] = pairs(
  '王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu ' +
    '胡hu 郭guo 何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng ' +
    '邓deng 彭peng 肖xiao 田tian 董dong 袁yuan 潘pan 蒋jiang 蔡cai 余yu 杜du 叶ye 程cheng ' +
    '苏su 魏wei 吕lv 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang ' +
    '范fan 金jin 石shi 廖liao 贾jia 夏xia 韦wei 方fang 白bai 邹zou 孟meng 熊xiong 秦qin ' +
    '邱qiu 江jiang 尹yin 薛xue 段duan 雷lei 侯hou 史shi 陶tao 贺he 顾gu 毛mao 郝hao 龚gong ' +
    '邵shao 万wan 钱qian 严yan 武wu 戴dai 孔kong 汤tang',
);

// Given-name characters as parents tend to choose them for sons and for daughters, so that
// a generated name does not mix the two (a few characters are used for both).
export const GIVEN_MALE: readonly (readonly [string, string])[] = pairs(
  '伟wei 强qiang 磊lei 军jun 洋yang 勇yong 杰jie 涛tao 明ming 超chao 刚gang 文wen 华hua ' +
    '建jian 国guo 志zhi 海hai 波bo 宁ning 鹏peng 辉hui 晨chen 宇yu 浩hao 东dong 亮liang ' +
    '斌bin 飞fei 俊jun 峰feng 凯kai 博bo 瑞rui 永yong 森sen 振zhen 兴xing 荣rong 德de ' +
    '安an 福fu 彬bin 哲zhe 睿rui 轩xuan 航hang 林lin 平ping',
);

export const GIVEN_FEMALE: readonly (readonly [string, string])[] = pairs(
  '芳fang 娜na 敏min 静jing 丽li 艳yan 娟juan 霞xia 红hong 玉yu 兰lan 欣xin 怡yi 婷ting ' +
    '雪xue 琳lin 晓xiao 慧hui 颖ying 思si 佳jia 雨yu 春chun 秋qiu 梅mei 莉li 萍ping 燕yan ' +
    '倩qian 璐lu 媛yuan 琴qin 蕾lei 晨chen 文wen 华hua 宁ning 平ping 洁jie 岚lan',
);

export const GIVEN = [...GIVEN_MALE, ...GIVEN_FEMALE];

// Combinations that would name a well-known person; the generator skips them.
export const FAMOUS = new Set(
  (
    '刘德华 姚明 李宁 李娜 黄海波 杨洋 张杰 刘洋 邓超 黄晓明 王俊凯 赵丽颖 刘涛 李晨 郑凯 ' +
    '王凯 朱婷 马丽 韩红 雷佳 李宇春 周涛 朱军 杨颖 孙俪 王志 李红 陈红 汪峰 胡军'
  ).split(' '),
);

function pairs(text: string): [string, string][] {
  return text.split(' ').map((p) => [p[0], p.slice(1)]);
}
