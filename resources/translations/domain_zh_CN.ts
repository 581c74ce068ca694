<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Domain</name>
    <message>
        <source>The unified social credit code is required for registration</source>
        <translation>注册需要统一社会信用代码</translation>
    </message>
    <message>
        <source>The industry is not set</source>
        <translation>未填写行业</translation>
    </message>
    <message>
        <source>The company size is not set</source>
        <translation>未填写企业规模</translation>
    </message>
    <message>
        <source>The province is not set</source>
        <translation>未填写省份</translation>
    </message>
    <message>
        <source>{value} is not a province of China</source>
        <translation>{value} 不是中国的省级行政区</translation>
    </message>
    <message>
        <source>The city is not set</source>
        <translation>未填写城市</translation>
    </message>
    <message>
        <source>The address is not set</source>
        <translation>未填写地址</translation>
    </message>
    <message>
        <source>There is no phone number: neither the company&apos;s nor a contact&apos;s</source>
        <translation>没有电话：既无公司电话，也无联系人电话</translation>
    </message>
    <message>
        <source>No contact has been entered</source>
        <translation>尚未录入联系人</translation>
    </message>
    <message>
        <source>The customer&apos;s need is not stated</source>
        <translation>未说明客户需求</translation>
    </message>
    <message>
        <source>No visit has been logged</source>
        <translation>尚无拜访记录</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>门市</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>老客户介绍</translation>
    </message>
    <message>
        <source>Self-developed</source>
        <translation>销售自拓</translation>
    </message>
    <message>
        <source>Marketing event</source>
        <translation>市场活动</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Following up</source>
        <translation>跟进中</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签约</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>休眠</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Unregistered</source>
        <translation>未注册</translation>
    </message>
    <message>
        <source>Registration pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>保护中</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>无效客户</translation>
    </message>
    <message>
        <source>In the pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>Under 20 staff</source>
        <translation>20人以下</translation>
    </message>
    <message>
        <source>20-99 staff</source>
        <translation>20-99人</translation>
    </message>
    <message>
        <source>100-499 staff</source>
        <translation>100-499人</translation>
    </message>
    <message>
        <source>500-1999 staff</source>
        <translation>500-1999人</translation>
    </message>
    <message>
        <source>2000 staff or more</source>
        <translation>2000人以上</translation>
    </message>
    <message>
        <source>Manufacturing</source>
        <translation>制造业</translation>
    </message>
    <message>
        <source>Machinery</source>
        <translation>机械设备</translation>
    </message>
    <message>
        <source>Electronics</source>
        <translation>电子电器</translation>
    </message>
    <message>
        <source>Automotive parts</source>
        <translation>汽车零部件</translation>
    </message>
    <message>
        <source>Chemicals</source>
        <translation>化工</translation>
    </message>
    <message>
        <source>Pharmaceuticals</source>
        <translation>医药</translation>
    </message>
    <message>
        <source>Food and beverage</source>
        <translation>食品饮料</translation>
    </message>
    <message>
        <source>Textiles and apparel</source>
        <translation>纺织服装</translation>
    </message>
    <message>
        <source>Building materials</source>
        <translation>建材</translation>
    </message>
    <message>
        <source>Retail and distribution</source>
        <translation>商贸流通</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务业</translation>
    </message>
    <message>
        <source>Other industry</source>
        <translation>其他行业</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决策层</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>管理层</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作层</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
    <message>
        <source>The input is not valid</source>
        <translation>输入内容无效</translation>
    </message>
    <message>
        <source>{what} {id} was not found</source>
        <translation>未找到{what} {id}</translation>
    </message>
    <message>
        <source>The customer already exists: {name}</source>
        <translation>客户已存在：{name}</translation>
    </message>
    <message>
        <source>The database {path} is in use by another program; close it and try again</source>
        <translation>数据库 {path} 正被其他程序使用，请关闭后重试</translation>
    </message>
    <message>
        <source>The database {path} is read-only; check the file&apos;s permissions</source>
        <translation>数据库 {path} 是只读的，请检查文件权限</translation>
    </message>
    <message>
        <source>The file {path} is not a readable ERPDesk database ({detail})</source>
        <translation>文件 {path} 不是可读取的 ERPDesk 数据库（{detail}）</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({detail}); ERPDesk writes nothing more into it. Restore the latest backup: erpdesk db restore</source>
        <translation>数据库 {path} 已损坏（{detail}）；ERPDesk 不再向其中写入任何内容。请恢复最近的备份：erpdesk db restore</translation>
    </message>
    <message>
        <source>The file {path} is not an ERPDesk database but another program&apos;s ({detail}); it was left untouched</source>
        <translation>文件 {path} 不是 ERPDesk 数据库，而是其他程序的文件（{detail}）；未对其做任何改动</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer ERPDesk (schema {found}); install the newer version to open it</source>
        <translation>数据库 {path} 由更新版本的 ERPDesk 写入（架构 {found}），请安装新版本后再打开</translation>
    </message>
    <message>
        <source>The database {path} is from an older ERPDesk; run: erpdesk db upgrade</source>
        <translation>数据库 {path} 来自旧版 ERPDesk，请运行：erpdesk db upgrade</translation>
    </message>
    <message>
        <source>The credit code must have 18 characters, not {length}</source>
        <translation>统一社会信用代码应为18位，而不是{length}位</translation>
    </message>
    <message>
        <source>The credit code contains characters it cannot use: {chars}</source>
        <translation>统一社会信用代码含有不允许的字符：{chars}</translation>
    </message>
    <message>
        <source>The credit code cannot start with {char}</source>
        <translation>统一社会信用代码不能以 {char} 开头</translation>
    </message>
    <message>
        <source>Characters 3 to 8 of the credit code must be a 6-digit region code, not {region}</source>
        <translation>统一社会信用代码第3至8位应为6位行政区划代码，而不是 {region}</translation>
    </message>
    <message>
        <source>The check character should be {expected}, not {found}</source>
        <translation>校验码应为 {expected}，而不是 {found}</translation>
    </message>
    <message>
        <source>At most {max} characters are allowed here, not {length}</source>
        <translation>此处最多允许{max}个字符，当前为{length}个</translation>
    </message>
    <message>
        <source>The full name is required</source>
        <translation>客户全称为必填项</translation>
    </message>
    <message>
        <source>The full name must have at least {min} characters</source>
        <translation>客户全称至少需要{min}个字</translation>
    </message>
    <message>
        <source>The full name must contain letters, not only digits</source>
        <translation>客户全称必须包含文字，不能只有数字</translation>
    </message>
    <message>
        <source>{value} is not a phone number (a mobile, or an area code and number)</source>
        <translation>{value} 不是有效的电话号码（手机号，或区号加号码）</translation>
    </message>
    <message>
        <source>{value} is not a web address</source>
        <translation>{value} 不是有效的网址</translation>
    </message>
    <message>
        <source>The contact&apos;s name is required</source>
        <translation>联系人姓名为必填项</translation>
    </message>
    <message>
        <source>{value} is not a mobile number</source>
        <translation>{value} 不是有效的手机号码</translation>
    </message>
    <message>
        <source>{value} is not an e-mail address</source>
        <translation>{value} 不是有效的电子邮箱</translation>
    </message>
    <message>
        <source>A summary is required</source>
        <translation>摘要为必填项</translation>
    </message>
    <message>
        <source>The time of the activity has no time zone</source>
        <translation>活动时间缺少时区</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <source>The date {date} is not plausible: it must be between {earliest} and {latest}</source>
        <translation>日期 {date} 不合理：应在 {earliest} 至 {latest} 之间</translation>
    </message>
    <message>
        <source>The date {date} is not plausible: it must be on or after {earliest}</source>
        <translation>日期 {date} 不合理：应不早于 {earliest}</translation>
    </message>
</context>
</TS>
