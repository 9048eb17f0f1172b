#include "data/generator/names.h"

#include <cstdio>

namespace sample::detail {

const std::array<PlaceName, 18> kEstateNames = {{
    {"金城小区", "Jincheng Estate"},   {"江南花园", "Jiangnan Garden"},
    {"丽州小区", "Lizhou Estate"},     {"紫微苑", "Ziwei Court"},
    {"望春小区", "Wangchun Estate"},   {"南苑小区", "Nanyuan Estate"},
    {"华丰小区", "Huafeng Estate"},    {"九铃花园", "Jiuling Garden"},
    {"锦绣江南", "Jinxiu Jiangnan"},   {"溪心苑", "Xixin Court"},
    {"枫林苑", "Fenglin Court"},       {"翠湖苑", "Cuihu Court"},
    {"金桂花园", "Jingui Garden"},     {"明珠小区", "Mingzhu Estate"},
    {"春晖苑", "Chunhui Court"},       {"湖滨小区", "Hubin Estate"},
    {"江景苑", "Jiangjing Court"},     {"新城名都", "Xincheng Mingdu"},
}};

const std::array<PlaceName, 18> kVillageNames = {{
    {"下园朱村", "Xiayuanzhu Village"},   {"上园朱村", "Shangyuanzhu Village"},
    {"李店村", "Lidian Village"},         {"园周村", "Yuanzhou Village"},
    {"山川坛村", "Shanchuantan Village"}, {"塘里村", "Tangli Village"},
    {"下宅口村", "Xiazhaikou Village"},   {"前仓村", "Qiancang Village"},
    {"杨溪村", "Yangxi Village"},         {"石柱头村", "Shizhutou Village"},
    {"东塔村", "Dongta Village"},         {"王慈溪村", "Wangcixi Village"},
    {"后吴村", "Houwu Village"},          {"胡库村", "Huku Village"},
    {"梅陇村", "Meilong Village"},        {"高镇村", "Gaozhen Village"},
    {"溪坦村", "Xitan Village"},          {"金畈村", "Jinfan Village"},
}};

const std::array<std::string_view, 12> kOfficerNames = {
    "应国强", "胡建华", "陈伟东", "徐立军", "李晓峰", "程志刚",
    "朱海涛", "王俊杰", "楼斌",   "周鹏飞", "施晓燕", "吕文涛"};

const std::array<std::string_view, 8> kBankNames = {
    "中国工商银行永康江南支行",   "中国农业银行永康江南支行",
    "中国银行永康江南支行",       "中国建设银行永康城西支行",
    "交通银行永康江南支行",       "中国邮政储蓄银行永康江南营业所",
    "浙江永康农村商业银行江南支行", "金华银行永康江南支行"};

const std::array<std::string_view, 4> kSchoolNames = {
    "江南中学", "江南第一小学", "园周小学", "江南中心幼儿园"};

// Yongkang is China's hardware capital: the firms are small hardware and tool makers.
const std::array<std::string_view, 6> kEnterpriseNames = {
    "永康市城西五金制品厂",       "永康市江南电动工具有限公司",
    "永康市园周杯业有限公司",     "永康市下园朱门业有限公司",
    "永康市梅陇电器配件厂",       "永康市李店汽摩配件有限公司"};

const std::array<std::string_view, 4> kCommunityCentreNames = {
    "金城社区服务中心", "丽州社区服务中心", "南苑社区服务中心", "江南社区服务中心"};

std::string numbered_id(std::string_view prefix, long number, int width) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%0*ld", width, number);
    return std::string(prefix) + digits;
}

}  // namespace sample::detail
