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
        <source>{value} is not an amount: write a number of yuan, such as 120000 or 12.5万</source>
        <translation>{value} 不是金额：请填写元为单位的数字，如 120000 或 12.5万</translation>
    </message>
    <message>
        <source>{value} is not a date: write it as 2026-06-30</source>
        <translation>{value} 不是日期：请按 2026-06-30 的格式填写</translation>
    </message>
    <message>
        <source>{value} is not a probability: write a whole number from 0 to 100</source>
        <translation>{value} 不是有效的成功率：请填写 0 到 100 之间的整数</translation>
    </message>
    <message>
        <source>A probability of {probability}% differs from the stage&apos;s {default}%: give a reason</source>
        <translation>成功率 {probability}% 与阶段默认的 {default}% 不同：请说明理由</translation>
    </message>
    <message>
        <source>{field} cannot be set here; stage and status change only through a stage move</source>
        <translation>此处不能设置 {field}；阶段和状态只能通过阶段推进来改变</translation>
    </message>
    <message>
        <source>Write the team as name:role, separated by commas</source>
        <translation>团队请按&quot;姓名:角色&quot;填写，多人之间用逗号分隔</translation>
    </message>
    <message>
        <source>{value} is not a known source</source>
        <translation>{value} 不是已知的客户来源</translation>
    </message>
    <message>
        <source>{value} is not a stage: give a number from 1 to {last} or a stage&apos;s name</source>
        <translation>{value} 不是有效的阶段：请填写 1 到 {last} 的数字或阶段名称</translation>
    </message>
    <message>
        <source>The amount cannot be negative: {value}</source>
        <translation>金额不能为负数：{value}</translation>
    </message>
    <message>
        <source>The amount {value} is too large: it must be below {max} yuan</source>
        <translation>金额 {value} 过大：须小于 {max} 元</translation>
    </message>
    <message>
        <source>The amount {value} has more than two decimals (fen)</source>
        <translation>金额 {value} 的小数超过两位（精确到分）</translation>
    </message>
    <message>
        <source>A closed deal&apos;s probability is {fixed}%, it cannot be set to {value}%</source>
        <translation>已关闭商机的成功率固定为 {fixed}%，不能改为 {value}%</translation>
    </message>
    <message>
        <source>A deal belongs to a customer: choose one</source>
        <translation>商机必须属于某个客户：请选择客户</translation>
    </message>
    <message>
        <source>The deal&apos;s name is required</source>
        <translation>商机名称为必填项</translation>
    </message>
    <message>
        <source>{value} is not an ERP module of the playbook ({known})</source>
        <translation>{value} 不是销售手册中的 ERP 模块（可选：{known}）</translation>
    </message>
    <message>
        <source>At most {max} competitors, not {count}</source>
        <translation>竞争对手最多 {max} 个，当前为 {count} 个</translation>
    </message>
    <message>
        <source>Closing a deal as lost needs the reason it was lost</source>
        <translation>将商机关闭为丢单时须填写丢单原因</translation>
    </message>
    <message>
        <source>At most {max} team members, not {count}</source>
        <translation>团队成员最多 {max} 人，当前为 {count} 人</translation>
    </message>
    <message>
        <source>Every team member needs a name</source>
        <translation>每位团队成员都须填写姓名</translation>
    </message>
    <message>
        <source>{value} is not a team role of the playbook ({known})</source>
        <translation>{value} 不是销售手册中的团队角色（可选：{known}）</translation>
    </message>
    <message>
        <source>The deal has been deleted</source>
        <translation>该商机已被删除</translation>
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
        <source>The company name is required</source>
        <translation>公司名称为必填项</translation>
    </message>
    <message>
        <source>{value} is not a colour; write it as # and six hex digits, such as #1d4e89</source>
        <translation>{value} 不是颜色值，请写成 # 加六位十六进制数字，例如 #1d4e89</translation>
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
        <source>{value} is not a taxpayer identification number (15, 17, 18 or 20 letters and digits)</source>
        <translation>{value} 不是纳税人识别号（应为 15、17、18 或 20 位字母和数字）</translation>
    </message>
    <message>
        <source>{value} is not a bank account number (8 to 32 digits)</source>
        <translation>{value} 不是银行账号（应为 8 至 32 位数字）</translation>
    </message>
    <message>
        <source>The logo is not a PNG or JPEG image</source>
        <translation>标志图片不是 PNG 或 JPEG 格式</translation>
    </message>
    <message>
        <source>The logo file is too big ({size} KB); at most {max} KB are allowed</source>
        <translation>标志图片文件过大（{size} KB），最大允许 {max} KB</translation>
    </message>
    <message>
        <source>The logo is too large ({width} × {height} pixels); at most {max} pixels each way</source>
        <translation>标志图片尺寸过大（{width} × {height} 像素），长宽均不得超过 {max} 像素</translation>
    </message>
    <message>
        <source>The company branding cannot be used</source>
        <translation>无法使用公司品牌设置</translation>
    </message>
    <message>
        <source>The logo file {path} does not exist</source>
        <translation>标志图片文件 {path} 不存在</translation>
    </message>
    <message>
        <source>The logo file {path} cannot be read</source>
        <translation>无法读取标志图片文件 {path}</translation>
    </message>
    <message>
        <source>The stored company branding cannot be read; open the branding settings and save them again</source>
        <translation>已保存的公司品牌设置无法读取，请打开品牌设置并重新保存</translation>
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
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Closed won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Closed lost</source>
        <translation>丢单</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Moved forward</source>
        <translation>推进</translation>
    </message>
    <message>
        <source>Moved back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>No activity for 14 days</source>
        <translation>14天无跟进</translation>
    </message>
    <message>
        <source>Close date passed</source>
        <translation>成交日期已过</translation>
    </message>
    <message>
        <source>Stage 5 or later without a quote</source>
        <translation>第5阶段起仍无报价</translation>
    </message>
    <message>
        <source>Low assessment score</source>
        <translation>评估得分低</translation>
    </message>
    <message>
        <source>A required worksheet is missing</source>
        <translation>缺少必填分析表</translation>
    </message>
    <message>
        <source>The deal cannot be moved</source>
        <translation>该商机无法移动</translation>
    </message>
    <message>
        <source>The deal is already closed ({status}); reopen it into a stage first</source>
        <translation>该商机已关闭（{status}）；请先将其重新打开到某个阶段</translation>
    </message>
    <message>
        <source>The deal is already in stage {stage}</source>
        <translation>该商机已处于第 {stage} 阶段</translation>
    </message>
    <message>
        <source>Only a closed deal can be reopened</source>
        <translation>只有已关闭的商机才能重新打开</translation>
    </message>
    <message>
        <source>Moving a deal back from stage {from_stage} to {to_stage} needs a reason</source>
        <translation>将商机从第 {from_stage} 阶段退回到第 {to_stage} 阶段须说明理由</translation>
    </message>
    <message>
        <source>Reopening a closed deal needs a reason</source>
        <translation>重新打开已关闭的商机须说明理由</translation>
    </message>
    <message>
        <source>Going past what the stage asks for needs a reason for the override</source>
        <translation>跳过阶段要求须说明越过关卡的理由</translation>
    </message>
    <message>
        <source>{count} required activities are not done: {items}. Confirm the override and give a reason to move on anyway</source>
        <translation>有 {count} 项必做活动尚未完成：{items}。如仍要推进，请确认越过关卡并说明理由</translation>
    </message>
    <message>
        <source>{count} required worksheets are missing: {worksheets}. Confirm the override and give a reason to move on anyway</source>
        <translation>缺少 {count} 份必填分析表：{worksheets}。如仍要推进，请确认越过关卡并说明理由</translation>
    </message>
    <message>
        <source>The reason may have at most {max} characters, not {length}</source>
        <translation>理由最多 {max} 个字符，当前为 {length} 个</translation>
    </message>
    <message>
        <source>{code} is not an activity of the playbook&apos;s checklists</source>
        <translation>{code} 不是销售手册检查清单中的活动</translation>
    </message>
    <message>
        <source>{source}:{line}: {problem}</source>
        <translation>{source}:{line}: {problem}</translation>
    </message>
    <message>
        <source>The playbook cannot be read: {detail}</source>
        <translation>无法读取销售手册：{detail}</translation>
    </message>
    <message>
        <source>The file is not valid TOML: {detail}</source>
        <translation>文件不是有效的 TOML：{detail}</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text</source>
        <translation>文件不是 UTF-8 编码的文本</translation>
    </message>
    <message>
        <source>Unknown key &quot;{key}&quot; in {table}; allowed here: {allowed}</source>
        <translation>{table} 中有未知的键&quot;{key}&quot;；此处允许：{allowed}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; is missing in {table}</source>
        <translation>{table} 中缺少&quot;{key}&quot;</translation>
    </message>
    <message>
        <source>{key} must be a text</source>
        <translation>{key} 必须是文本</translation>
    </message>
    <message>
        <source>{key} must be a whole number</source>
        <translation>{key} 必须是整数</translation>
    </message>
    <message>
        <source>{key} must be true or false</source>
        <translation>{key} 必须是 true 或 false</translation>
    </message>
    <message>
        <source>{key} must be a list</source>
        <translation>{key} 必须是列表</translation>
    </message>
    <message>
        <source>{key} must be a table</source>
        <translation>{key} 必须是表</translation>
    </message>
    <message>
        <source>{key} must not be empty</source>
        <translation>{key} 不能为空</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; may hold only lower-case letters, digits and &quot;_&quot;</source>
        <translation>代码&quot;{code}&quot;只能包含小写字母、数字和&quot;_&quot;</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; is used twice in {table} (first on line {first})</source>
        <translation>代码&quot;{code}&quot;在 {table} 中重复使用（首次出现在第 {first} 行）</translation>
    </message>
    <message>
        <source>A playbook has exactly seven stages, not {count}</source>
        <translation>销售手册必须恰好有七个阶段，而不是 {count} 个</translation>
    </message>
    <message>
        <source>The playbook has no presales steps: add the eight [[presales_steps]] of the shipped playbook</source>
        <translation>销售手册中没有售前流程步骤：请从随附的销售手册中复制八个 [[presales_steps]]</translation>
    </message>
    <message>
        <source>A playbook has exactly eight presales steps, not {count}</source>
        <translation>销售手册必须恰好有八个售前流程步骤，而不是 {count} 个</translation>
    </message>
    <message>
        <source>Presales step {position} must be numbered {position}, not {found}</source>
        <translation>第 {position} 个售前流程步骤的编号必须是 {position}，而不是 {found}</translation>
    </message>
    <message>
        <source>Presales step {number} must have the code &quot;{expected}&quot;, not &quot;{found}&quot;</source>
        <translation>第 {number} 个售前流程步骤的代码必须是“{expected}”，而不是“{found}”</translation>
    </message>
    <message>
        <source>Stage {position} must be numbered {position}, not {found}</source>
        <translation>第 {position} 个阶段的编号必须是 {position}，而不是 {found}</translation>
    </message>
    <message>
        <source>Stage {number} must have the code &quot;{expected}&quot;, not &quot;{found}&quot;</source>
        <translation>阶段 {number} 的代码必须是&quot;{expected}&quot;，而不是&quot;{found}&quot;</translation>
    </message>
    <message>
        <source>The probability {value} must be from 0 to 100</source>
        <translation>成功率 {value} 必须在 0 到 100 之间</translation>
    </message>
    <message>
        <source>Stage {number}&apos;s probability {value} is lower than stage {previous}&apos;s {previous_value}; probabilities may not decrease</source>
        <translation>阶段 {number} 的成功率 {value} 低于阶段 {previous} 的 {previous_value}；成功率不能递减</translation>
    </message>
    <message>
        <source>The checklist code &quot;{code}&quot; must be &quot;{prefix}.&quot; followed by a name</source>
        <translation>检查项代码&quot;{code}&quot;必须以&quot;{prefix}.&quot;开头并后跟名称</translation>
    </message>
    <message>
        <source>Stage {number} names the worksheet &quot;{code}&quot;, which the playbook does not define</source>
        <translation>阶段 {number} 引用了分析表&quot;{code}&quot;，但销售手册中没有定义它</translation>
    </message>
    <message>
        <source>Stage {number} requires the worksheet &quot;{code}&quot; but does not list it in worksheets</source>
        <translation>阶段 {number} 要求分析表&quot;{code}&quot;，但 worksheets 中没有列出它</translation>
    </message>
    <message>
        <source>{key} is &quot;{value}&quot;; use one of: {allowed}</source>
        <translation>{key} 的值&quot;{value}&quot;无效；请使用以下之一：{allowed}</translation>
    </message>
    <message>
        <source>A grid has exactly four fields, not {count}</source>
        <translation>四格布局必须恰好有四个字段，而不是 {count} 个</translation>
    </message>
    <message>
        <source>A form needs fields</source>
        <translation>表单需要字段</translation>
    </message>
    <message>
        <source>A score sheet needs at least one field of kind &quot;score&quot;</source>
        <translation>评分表至少需要一个类型为&quot;score&quot;的字段</translation>
    </message>
    <message>
        <source>A score sheet needs verdicts</source>
        <translation>评分表需要结论</translation>
    </message>
    <message>
        <source>One verdict must start at 0 percent, so that every score has a verdict</source>
        <translation>必须有一个结论从 0% 开始，以便每个分数都有结论</translation>
    </message>
    <message>
        <source>Only a score sheet has verdicts</source>
        <translation>只有评分表才有结论</translation>
    </message>
    <message>
        <source>{key} {value} must be from 0 to 100</source>
        <translation>{key} {value} 必须在 0 到 100 之间</translation>
    </message>
    <message>
        <source>A {layout} needs columns</source>
        <translation>{layout} 布局需要列</translation>
    </message>
    <message>
        <source>Only a table or a roll-up has columns</source>
        <translation>只有表格或汇总表才有列</translation>
    </message>
    <message>
        <source>A table&apos;s field may not be called &quot;rows&quot;: that key holds its rows</source>
        <translation>表格的字段不能命名为&quot;rows&quot;：该键用于保存表格的行</translation>
    </message>
    <message>
        <source>The choice field &quot;{code}&quot; needs choices</source>
        <translation>选择字段&quot;{code}&quot;需要选项</translation>
    </message>
    <message>
        <source>Only a choice or list field has choices, not the {kind} field &quot;{code}&quot;</source>
        <translation>只有选择或列表字段才有选项，{kind} 字段&quot;{code}&quot;不能有</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a list of the playbook; use one of: {allowed}</source>
        <translation>&quot;{value}&quot;不是销售手册中的列表；请使用以下之一：{allowed}</translation>
    </message>
    <message>
        <source>Only a score field has a weight, a minimum and a maximum, not the {kind} field &quot;{code}&quot;</source>
        <translation>只有评分字段才有权重、最小值和最大值，{kind} 字段&quot;{code}&quot;不能有</translation>
    </message>
    <message>
        <source>The score field &quot;{code}&quot;: the minimum {minimum} must be below the maximum {maximum}</source>
        <translation>评分字段&quot;{code}&quot;：最小值 {minimum} 必须小于最大值 {maximum}</translation>
    </message>
    <message>
        <source>The weight of &quot;{code}&quot; must be from 1 to 100, not {value}</source>
        <translation>&quot;{code}&quot;的权重必须在 1 到 100 之间，而不是 {value}</translation>
    </message>
    <message>
        <source>{field} is required</source>
        <translation>{field_zh}为必填项</translation>
    </message>
    <message>
        <source>{field} must be a text</source>
        <translation>{field_zh}必须是文本</translation>
    </message>
    <message>
        <source>{field}: at most {max} characters are allowed, not {length}</source>
        <translation>{field_zh}：最多允许 {max} 个字符，当前为 {length} 个</translation>
    </message>
    <message>
        <source>{field} cannot be negative ({value})</source>
        <translation>{field_zh}不能为负数（{value}）</translation>
    </message>
    <message>
        <source>{field} must be a percentage from 0 to 100, not {value}</source>
        <translation>{field_zh}必须是 0 到 100 之间的百分比，不能是 {value}</translation>
    </message>
    <message>
        <source>{field} must be from 0 to 365 days, not {value}</source>
        <translation>{field_zh}必须在 0 到 365 天之间，不能是 {value}</translation>
    </message>
    <message>
        <source>{field}: {value} is too large; it must be below {max}</source>
        <translation>{field_zh}：{value} 过大，必须小于 {max}</translation>
    </message>
    <message>
        <source>{field}: &quot;{value}&quot; is not a number</source>
        <translation>{field_zh}：&quot;{value}&quot;不是数字</translation>
    </message>
    <message>
        <source>{field}: the receivables are {current} days of revenue today, so they cannot fall by {value} days</source>
        <translation>{field_zh}：当前应收账款约合 {current} 天销售收入，周转天数无法减少 {value} 天</translation>
    </message>
    <message>
        <source>The return on investment is counted over 1 to {max} whole years, not {value}</source>
        <translation>投资回报率的计算年数必须是 1 到 {max} 之间的整数，不能是 {value}</translation>
    </message>
    <message>
        <source>There is no benefit figure &quot;{key}&quot;; the figures are: {known}</source>
        <translation>没有名为&quot;{key}&quot;的效益数据项；可用的数据项有：{known}</translation>
    </message>
    <message>
        <source>{field}: an amount cannot be negative ({value})</source>
        <translation>{field_zh}：金额不能为负数（{value}）</translation>
    </message>
    <message>
        <source>{field}: &quot;{value}&quot; is not a date (YYYY-MM-DD)</source>
        <translation>{field_zh}：&quot;{value}&quot;不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>{field} must be yes or no</source>
        <translation>{field_zh}必须为是或否</translation>
    </message>
    <message>
        <source>{field}: &quot;{value}&quot; is not one of: {allowed}</source>
        <translation>{field_zh}：&quot;{value}&quot;不是以下之一：{allowed}</translation>
    </message>
    <message>
        <source>{field}: the score must be a whole number from {minimum} to {maximum}, not {value}</source>
        <translation>{field_zh}：分数必须是 {minimum} 到 {maximum} 之间的整数，而不是 {value}</translation>
    </message>
    <message>
        <source>{field} must be a list of texts</source>
        <translation>{field_zh}必须是文本列表</translation>
    </message>
    <message>
        <source>The rows of {worksheet} must be a list of rows</source>
        <translation>{worksheet_zh}的行必须是行的列表</translation>
    </message>
    <message>
        <source>{worksheet} may have at most {max} rows, not {count}</source>
        <translation>{worksheet_zh}最多可有 {max} 行，而不是 {count} 行</translation>
    </message>
    <message>
        <source>The data of {worksheet} must be a set of fields</source>
        <translation>{worksheet_zh}的数据必须是一组字段</translation>
    </message>
    <message>
        <source>The playbook {playbook} has no worksheet &quot;{template}&quot;</source>
        <translation>销售手册 {playbook} 中没有分析表&quot;{template}&quot;</translation>
    </message>
    <message>
        <source>The worksheet {worksheet} belongs to a deal; choose one</source>
        <translation>分析表{worksheet_zh}属于销售机会；请选择一个销售机会</translation>
    </message>
    <message>
        <source>The worksheet {worksheet} belongs to a customer; choose one</source>
        <translation>分析表{worksheet_zh}属于客户；请选择一个客户</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>分析表</translation>
    </message>
    <message>
        <source>{name} has {count} open deals; close or delete them before deleting the customer</source>
        <translation>{name}还有 {count} 个进行中的商机；请先关闭或删除这些商机，再删除该客户</translation>
    </message>
    <message>
        <source>The customer {name} has been deleted; a deal needs a current customer</source>
        <translation>客户{name}已被删除；商机必须属于现有客户</translation>
    </message>
    <message>
        <source>The deal {deal} belongs to another customer than the worksheet</source>
        <translation>商机{deal}与该分析表属于不同的客户</translation>
    </message>
    <message>
        <source>Per user</source>
        <translation>按用户</translation>
    </message>
    <message>
        <source>Per site</source>
        <translation>按站点</translation>
    </message>
    <message>
        <source>Per company</source>
        <translation>按企业</translation>
    </message>
    <message>
        <source>The catalogue cannot be used</source>
        <translation>产品目录无法使用</translation>
    </message>
    <message>
        <source>The catalogue has no item &quot;{code}&quot;</source>
        <translation>产品目录中没有产品&quot;{code}&quot;</translation>
    </message>
    <message>
        <source>No price list valid on {day} has a price for &quot;{code}&quot;</source>
        <translation>{day} 有效的价目表中没有&quot;{code}&quot;的价格</translation>
    </message>
    <message>
        <source>The maintenance fee &quot;{code}&quot; is a percentage of the licences: give the licences&apos; total</source>
        <translation>维护费&quot;{code}&quot;按软件许可金额的百分比计算：请提供软件许可合计金额</translation>
    </message>
    <message>
        <source>The quantity must be a number of zero or more, not {value}</source>
        <translation>数量必须是大于或等于 0 的数字，不能是 {value}</translation>
    </message>
    <message>
        <source>The licences&apos; total must be an amount of zero or more, not {value}</source>
        <translation>软件许可合计必须是大于或等于 0 的金额，不能是 {value}</translation>
    </message>
    <message>
        <source>{sheet} row {row}: {problem}</source>
        <translation>{sheet} 第 {row} 行：{problem}</translation>
    </message>
    <message>
        <source>{sheet}: {problem}</source>
        <translation>{sheet}:{problem}</translation>
    </message>
    <message>
        <source>Unknown key &quot;{key}&quot;; allowed here: {allowed}</source>
        <translation>未知的键&quot;{key}&quot;；此处允许：{allowed}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; is missing</source>
        <translation>缺少&quot;{key}&quot;</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; may hold only lower-case letters, digits, &quot;_&quot;, &quot;.&quot; and &quot;-&quot;</source>
        <translation>编码&quot;{code}&quot;只能包含小写字母、数字、&quot;_&quot;、&quot;.&quot;和&quot;-&quot;</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; is used twice in {table} (first at {first})</source>
        <translation>编码&quot;{code}&quot;在 {table} 中重复使用（首次出现在 {first}）</translation>
    </message>
    <message>
        <source>{key} must be a number, not &quot;{value}&quot;</source>
        <translation>{key} 必须是数字，不能是&quot;{value}&quot;</translation>
    </message>
    <message>
        <source>{key} may have at most two decimals, not {value}</source>
        <translation>{key} 最多保留两位小数，不能是 {value}</translation>
    </message>
    <message>
        <source>{key} must not be negative ({value})</source>
        <translation>{key} 不能为负数（{value}）</translation>
    </message>
    <message>
        <source>{key} must be a date such as 2026-01-31, not &quot;{value}&quot;</source>
        <translation>{key} 必须是日期（如 2026-01-31），不能是&quot;{value}&quot;</translation>
    </message>
    <message>
        <source>Only a licence has a basis, not the {kind} item &quot;{code}&quot;</source>
        <translation>只有软件许可才有计价方式，{kind} 类产品&quot;{code}&quot;不能设置</translation>
    </message>
    <message>
        <source>The licence &quot;{code}&quot; needs a basis: per_user, per_site or per_company</source>
        <translation>软件许可&quot;{code}&quot;需要计价方式：per_user（按用户）、per_site（按站点）或 per_company（按企业）</translation>
    </message>
    <message>
        <source>The maintenance item &quot;{code}&quot; needs maintenance_percent: its yearly price as a percentage of the licences</source>
        <translation>维护项目&quot;{code}&quot;需要 maintenance_percent：即年维护费占软件许可金额的百分比</translation>
    </message>
    <message>
        <source>Only a maintenance item has maintenance_percent, not the {kind} item &quot;{code}&quot;</source>
        <translation>只有维护项目才有 maintenance_percent，{kind} 类产品&quot;{code}&quot;不能设置</translation>
    </message>
    <message>
        <source>The price list &quot;{code}&quot; ends on {until}, before it starts on {start}</source>
        <translation>价目表&quot;{code}&quot;的失效日期 {until} 早于生效日期 {start}</translation>
    </message>
    <message>
        <source>The price lists &quot;{code}&quot; and &quot;{other}&quot; are both valid on {day}; price lists may not overlap</source>
        <translation>价目表&quot;{code}&quot;和&quot;{other}&quot;在 {day} 同时有效；价目表的有效期不能重叠</translation>
    </message>
    <message>
        <source>The price list &quot;{code}&quot; prices &quot;{item}&quot;, which is not an item of the catalogue</source>
        <translation>价目表&quot;{code}&quot;为&quot;{item}&quot;定价，但产品目录中没有该产品</translation>
    </message>
    <message>
        <source>{key} is not a price; write an item code holding a &quot;.&quot; in quotes: &quot;{example}&quot; = 100.00</source>
        <translation>{key} 不是价格；含&quot;.&quot;的产品编码请加引号书写：&quot;{example}&quot; = 100.00</translation>
    </message>
    <message>
        <source>The proposal&apos;s title may have at most {max} characters, not {length}</source>
        <translation>建议书标题最多 {max} 个字符，当前为 {length} 个</translation>
    </message>
    <message>
        <source>The proposal&apos;s author may have at most {max} characters, not {length}</source>
        <translation>建议书编写人最多 {max} 个字符，当前为 {length} 个</translation>
    </message>
    <message>
        <source>The section {section} may have at most {max} characters, not {length}</source>
        <translation>章节&quot;{section_zh}&quot;最多 {max} 个字符，当前为 {length} 个</translation>
    </message>
    <message>
        <source>A proposal is written in zh_CN or en, not &quot;{language}&quot;</source>
        <translation>建议书的语言只能是 zh_CN 或 en，不能是&quot;{language}&quot;</translation>
    </message>
    <message>
        <source>Every section of the proposal is left out; keep at least one</source>
        <translation>建议书的所有章节都被排除了，请至少保留一个章节</translation>
    </message>
    <message>
        <source>The customer {name} has been deleted; a proposal needs a current customer</source>
        <translation>客户 {name} 已被删除，建议书需要一个有效的客户</translation>
    </message>
    <message>
        <source>The deal {name} has been deleted; its proposal can no longer be made</source>
        <translation>销售机会 {name} 已被删除，无法再生成其建议书</translation>
    </message>
    <message>
        <source>The deal {deal} belongs to another customer than the proposal</source>
        <translation>销售机会 {deal} 属于另一个客户，与建议书的客户不一致</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>建议书</translation>
    </message>
    <message>
        <source>There is no deal or customer &quot;{target}&quot;: give a deal&apos;s id, or a customer&apos;s name or credit code</source>
        <translation>找不到销售机会或客户&quot;{target}&quot;：请给出销售机会的编号，或客户的名称或统一社会信用代码</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Executive summary</source>
        <translation>执行摘要</translation>
    </message>
    <message>
        <source>Current situation</source>
        <translation>客户现状</translation>
    </message>
    <message>
        <source>Pains and their impact</source>
        <translation>痛点与影响</translation>
    </message>
    <message>
        <source>Needs and our solution</source>
        <translation>需求与解决方案</translation>
    </message>
    <message>
        <source>Solution architecture and modules</source>
        <translation>方案架构与模块</translation>
    </message>
    <message>
        <source>Implementation plan</source>
        <translation>实施计划</translation>
    </message>
    <message>
        <source>Benefit analysis</source>
        <translation>效益分析</translation>
    </message>
    <message>
        <source>Quote summary</source>
        <translation>报价摘要</translation>
    </message>
    <message>
        <source>About us</source>
        <translation>关于我们</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Software licences</source>
        <translation>软件许可</translation>
    </message>
    <message>
        <source>Implementation services</source>
        <translation>实施服务</translation>
    </message>
    <message>
        <source>Annual maintenance</source>
        <translation>年度维护</translation>
    </message>
    <message>
        <source>Third-party items</source>
        <translation>第三方产品</translation>
    </message>
    <message>
        <source>Tax-inclusive</source>
        <translation>含税</translation>
    </message>
    <message>
        <source>Tax-exclusive</source>
        <translation>不含税</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Pending approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>DEMO演示</translation>
    </message>
    <message>
        <source>Requirements survey</source>
        <translation>需求调研</translation>
    </message>
    <message>
        <source>Solution writing</source>
        <translation>方案编写</translation>
    </message>
    <message>
        <source>Briefing and defence</source>
        <translation>简报答辩</translation>
    </message>
    <message>
        <source>Tender support</source>
        <translation>投标支持</translation>
    </message>
    <message>
        <source>Proof of concept</source>
        <translation>概念验证</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Technical win</source>
        <translation>技术赢单</translation>
    </message>
    <message>
        <source>Technical loss</source>
        <translation>技术丢单</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>No gap</source>
        <translation>无差异</translation>
    </message>
    <message>
        <source>Deal breaker</source>
        <translation>致命差异</translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation>有挑战</translation>
    </message>
    <message>
        <source>Nice to have</source>
        <translation>锦上添花</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被新版本取代</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Line {line}: the description is required</source>
        <translation>第 {line} 行：请填写描述</translation>
    </message>
    <message>
        <source>Row {row}: the description is required</source>
        <translation>第 {row} 行：请填写描述</translation>
    </message>
    <message>
        <source>Line {line}: the quantity is not a number</source>
        <translation>第 {line} 行：数量不是数字</translation>
    </message>
    <message>
        <source>Row {row}: the quantity is not a number</source>
        <translation>第 {row} 行：数量不是数字</translation>
    </message>
    <message>
        <source>Line {line}: the quantity cannot be negative ({value})</source>
        <translation>第 {line} 行：数量不能为负数（{value}）</translation>
    </message>
    <message>
        <source>Row {row}: the quantity cannot be negative ({value})</source>
        <translation>第 {row} 行：数量不能为负数（{value}）</translation>
    </message>
    <message>
        <source>Line {line}: the quantity must be more than 0</source>
        <translation>第 {line} 行：数量必须大于 0</translation>
    </message>
    <message>
        <source>Row {row}: the quantity must be more than 0</source>
        <translation>第 {row} 行：数量必须大于 0</translation>
    </message>
    <message>
        <source>Line {line}: the quantity {value} has more than {places} decimals</source>
        <translation>第 {line} 行：数量 {value} 的小数超过 {places} 位</translation>
    </message>
    <message>
        <source>Row {row}: the quantity {value} has more than {places} decimals</source>
        <translation>第 {row} 行：数量 {value} 的小数超过 {places} 位</translation>
    </message>
    <message>
        <source>Line {line}: the unit price is not a number</source>
        <translation>第 {line} 行：单价不是数字</translation>
    </message>
    <message>
        <source>Row {row}: the unit price is not a number</source>
        <translation>第 {row} 行：单价不是数字</translation>
    </message>
    <message>
        <source>Line {line}: the unit price cannot be negative ({value})</source>
        <translation>第 {line} 行：单价不能为负数（{value}）</translation>
    </message>
    <message>
        <source>Row {row}: the unit price cannot be negative ({value})</source>
        <translation>第 {row} 行：单价不能为负数（{value}）</translation>
    </message>
    <message>
        <source>Line {line}: the unit price {value} has more than two decimals (fen)</source>
        <translation>第 {line} 行：单价 {value} 的小数超过两位（精确到分）</translation>
    </message>
    <message>
        <source>Row {row}: the unit price {value} has more than two decimals (fen)</source>
        <translation>第 {row} 行：单价 {value} 的小数超过两位（精确到分）</translation>
    </message>
    <message>
        <source>Line {line}: the discount must be between 0 and 100 %</source>
        <translation>第 {line} 行：折扣必须在 0 至 100 % 之间</translation>
    </message>
    <message>
        <source>Row {row}: the discount must be between 0 and 100 %</source>
        <translation>第 {row} 行：折扣必须在 0 至 100 % 之间</translation>
    </message>
    <message>
        <source>Line {line}: {value} % is not a VAT rate in force; use one of {rates}</source>
        <translation>第 {line} 行：{value} % 不是现行增值税税率，请使用以下之一：{rates}</translation>
    </message>
    <message>
        <source>Row {row}: {value} % is not a VAT rate in force; use one of {rates}</source>
        <translation>第 {row} 行：{value} % 不是现行增值税税率，请使用以下之一：{rates}</translation>
    </message>
    <message>
        <source>Milestone {milestone}: the name is required</source>
        <translation>第 {milestone} 个付款节点：请填写名称</translation>
    </message>
    <message>
        <source>Milestone {milestone}: its share must be more than 0 % with at most two decimals, not {value}</source>
        <translation>第 {milestone} 个付款节点：比例必须大于 0 %，最多两位小数，而不是 {value}</translation>
    </message>
    <message>
        <source>The payment milestones add up to {sum} %, not 100 %</source>
        <translation>付款节点比例合计为 {sum} %，而不是 100 %</translation>
    </message>
    <message>
        <source>The quote is valid until {valid_until}, before its own date {quote_date}</source>
        <translation>报价有效期至 {valid_until}，早于报价日期 {quote_date}</translation>
    </message>
    <message>
        <source>The quote&apos;s total is too large: it must be below {max} yuan</source>
        <translation>报价总额过大：必须低于 {max} 元</translation>
    </message>
    <message>
        <source>A quote needs at least one line</source>
        <translation>报价单至少需要一行明细</translation>
    </message>
    <message>
        <source>Version {version} of quote {number} was already sent or replaced and can no longer change: make a new version</source>
        <translation>报价单 {number} 第 {version} 版已发送或已被取代，不能再修改：请新建版本</translation>
    </message>
    <message>
        <source>A manager rejected the discount of {discount} %: lower it to your limit of {limit} % or ask for approval again</source>
        <translation>经理已驳回 {discount} % 的折扣：请降至您的权限 {limit} % 以内，或重新申请审批</translation>
    </message>
    <message>
        <source>A discount of {discount} % is above your limit of {limit} %: a manager&apos;s approval is needed before the quote can be sent</source>
        <translation>折扣 {discount} % 超出您的权限 {limit} %：报价发送前需经理审批</translation>
    </message>
    <message>
        <source>The quote expired on {date}: extend its validity or make a new version</source>
        <translation>报价已于 {date} 过期：请延长有效期或新建版本</translation>
    </message>
    <message>
        <source>Row {row}: the column {column} is not known; the columns are item, description, quantity, unit, unit_price, discount, vat_rate, group (品名, 描述, 数量, 单位, 单价, 折扣, 税率, 类别)</source>
        <translation>第 {row} 行：无法识别“{column}”列；可用的列为 品名、描述、数量、单位、单价、折扣、税率、类别（item、description、quantity、unit、unit_price、discount、vat_rate、group）</translation>
    </message>
    <message>
        <source>Row {row}: {value} in the column {column} is not a number</source>
        <translation>第 {row} 行：“{column}”列的 {value} 不是数字</translation>
    </message>
    <message>
        <source>Row {row}: the catalogue has no price for {item} today; give a unit price</source>
        <translation>第 {row} 行：产品目录中 {item} 今天没有价格；请填写单价</translation>
    </message>
    <message>
        <source>Row {row}: {value} is not a kind of item; use licence, service, maintenance or third_party (软件许可, 实施服务, 年度维护, 第三方产品)</source>
        <translation>第 {row} 行：{value} 不是有效的类别；请使用 软件许可、实施服务、年度维护 或 第三方产品（licence、service、maintenance、third_party）</translation>
    </message>
    <message>
        <source>Row {row}: the column {column} needs a value</source>
        <translation>第 {row} 行：“{column}”列必须填写</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Quote {number} has no version {version}</source>
        <translation>报价单 {number} 没有第 {version} 版</translation>
    </message>
    <message>
        <source>The customer {name} has been deleted; a quote needs a current customer</source>
        <translation>客户 {name} 已被删除；报价单需要一个现有客户</translation>
    </message>
    <message>
        <source>The deal {deal} belongs to another customer than the quote&apos;s</source>
        <translation>商机 {deal} 属于另一个客户，不是这张报价单的客户</translation>
    </message>
    <message>
        <source>There is no customer {name}; add the customer first, then quote</source>
        <translation>没有客户 {name}；请先添加该客户，再报价</translation>
    </message>
    <message>
        <source>A quote is printed in Chinese (zh_CN) or English (en), not {value}</source>
        <translation>报价单只能用中文（zh_CN）或英文（en）打印，不能用 {value}</translation>
    </message>
    <message>
        <source>Version {version} of quote {number} is not waiting for an approval: only a version pending approval can be approved or rejected</source>
        <translation>报价单 {number} 第 {version} 版不在待审批状态：只有待审批的版本才能批准或驳回</translation>
    </message>
    <message>
        <source>Say who decides: the approver&apos;s name is required</source>
        <translation>请说明由谁审批：审批人姓名不能为空</translation>
    </message>
    <message>
        <source>{by} wrote this quote and cannot approve its own discount: another person must decide</source>
        <translation>{by} 是这张报价单的制单人，不能审批自己的折扣：须由其他人审批</translation>
    </message>
    <message>
        <source>Version {version} of quote {number} has not been sent: only a sent quote can be accepted or declined</source>
        <translation>报价单 {number} 第 {version} 版尚未发送：只有已发送的报价单才能标记为接受或拒绝</translation>
    </message>
    <message>
        <source>Version {version} of quote {number} was approved, sent or replaced: only a draft or a version pending approval can be deleted</source>
        <translation>报价单 {number} 第 {version} 版已审批、已发送或已被取代：只能删除草稿或待审批的版本</translation>
    </message>
    <message>
        <source>The rep code must be 1 to 12 letters or digits (A-Z, 0-9), not {value}</source>
        <translation>销售代码须为 1 至 12 位字母或数字（A-Z、0-9），不能是 {value}</translation>
    </message>
    <message>
        <source>The discount limit must be a percentage from 0 to 100 with at most two decimals, not {value}</source>
        <translation>折扣权限须为 0 至 100 之间、最多两位小数的百分比，不能是 {value}</translation>
    </message>
    <message>
        <source>A quote&apos;s validity must be from 1 to 365 days, not {value}</source>
        <translation>报价有效期须为 1 至 365 天，不能是 {value}</translation>
    </message>
    <message>
        <source>The file {path} holds no quote lines</source>
        <translation>文件 {path} 中没有报价明细</translation>
    </message>
    <message>
        <source>The file {path} has no header row of quote lines (item or description, quantity and unit_price; 品名 or 描述, 数量, 单价); its first row holds: {columns}</source>
        <translation>文件 {path} 没有报价明细的表头行（品名或描述、数量和单价；item 或 description、quantity、unit_price）；其第一行为：{columns}</translation>
    </message>
    <message>
        <source>The workbook {path} cannot be written ({detail})</source>
        <translation>无法写入工作簿 {path}（{detail}）</translation>
    </message>
    <message>
        <source>The file is not an Excel workbook (.xlsx): {detail}</source>
        <translation>该文件不是 Excel 工作簿（.xlsx）：{detail}</translation>
    </message>
    <message>
        <source>The workbook has no sheet &quot;{zh}&quot; (or &quot;{en}&quot;)</source>
        <translation>工作簿中没有工作表&quot;{zh}&quot;（或&quot;{en}&quot;）</translation>
    </message>
    <message>
        <source>The sheet has no column &quot;{zh}&quot; (or &quot;{en}&quot;)</source>
        <translation>工作表中没有&quot;{zh}&quot;（或&quot;{en}&quot;）列</translation>
    </message>
    <message>
        <source>Unknown column &quot;{column}&quot;; the columns are: {allowed}</source>
        <translation>未知的列&quot;{column}&quot;；可用的列：{allowed}</translation>
    </message>
    <message>
        <source>The columns &quot;{first}&quot; and &quot;{second}&quot; mean the same</source>
        <translation>&quot;{first}&quot;列与&quot;{second}&quot;列含义相同</translation>
    </message>
    <message>
        <source>The sheet has no rows below its header</source>
        <translation>工作表在标题行下没有数据</translation>
    </message>
    <message>
        <source>{column} &quot;{code}&quot; is not an item of the items sheet</source>
        <translation>{column}&quot;{code}&quot;不在产品工作表中</translation>
    </message>
    <message>
        <source>The price list &quot;{code}&quot; prices &quot;{item}&quot; twice (first on row {first})</source>
        <translation>价目表&quot;{code}&quot;为&quot;{item}&quot;重复定价（首次出现在第 {first} 行）</translation>
    </message>
    <message>
        <source>{column} differs from row {first}, where the price list &quot;{code}&quot; is first given; leave it empty or the same</source>
        <translation>{column}与第 {first} 行（价目表&quot;{code}&quot;首次出现处）不一致；请留空或填写相同内容</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; is not a setting; use one of: {allowed}</source>
        <translation>&quot;{key}&quot;不是有效的设置项；请使用以下之一：{allowed}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; is given twice (first on row {first})</source>
        <translation>&quot;{key}&quot;重复填写（首次出现在第 {first} 行）</translation>
    </message>
    <message>
        <source>The catalogue&apos;s version is missing: write it on the sheet &quot;{sheet}&quot; (key version) or give it when importing</source>
        <translation>缺少产品目录版本：请在工作表&quot;{sheet}&quot;中填写（项目 version），或在导入时指定</translation>
    </message>
    <message>
        <source>The code &quot;{code}&quot; is used twice (first on row {first})</source>
        <translation>编码&quot;{code}&quot;重复使用（首次出现在第 {first} 行）</translation>
    </message>
    <message>
        <source>The catalogue cannot be read: {detail}</source>
        <translation>无法读取产品目录：{detail}</translation>
    </message>
    <message>
        <source>Protection expiring soon</source>
        <translation>保护即将到期</translation>
    </message>
    <message>
        <source>Registration rejected</source>
        <translation>注册被驳回</translation>
    </message>
    <message>
        <source>Released to the pool</source>
        <translation>已释放到公海</translation>
    </message>
    <message>
        <source>This customer cannot be registered now</source>
        <translation>该客户目前无法注册</translation>
    </message>
    <message>
        <source>A registration of this customer is already waiting for the registry&apos;s decision</source>
        <translation>该客户的注册申请已在等待客户管理员审核</translation>
    </message>
    <message>
        <source>This customer is already protected for you</source>
        <translation>该客户已在您的保护之下</translation>
    </message>
    <message>
        <source>This customer is in the pool: claim it from the pool instead</source>
        <translation>该客户在公海中：请从公海认领</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Business processes</source>
        <translation>业务流程</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Target customers</source>
        <translation>目标客户</translation>
    </message>
    <message>
        <source>Advantages</source>
        <translation>产品优势</translation>
    </message>
    <message>
        <source>FAB statements</source>
        <translation>FAB 陈述</translation>
    </message>
    <message>
        <source>Demo scripts</source>
        <translation>演示脚本</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Scenario steps</source>
        <translation>场景步骤</translation>
    </message>
    <message>
        <source>Data to prepare</source>
        <translation>需准备的数据</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Leading vendors in China</source>
        <translation>国内主要厂商</translation>
    </message>
    <message>
        <source>Leading foreign vendors</source>
        <translation>国外主要厂商</translation>
    </message>
    <message>
        <source>Key modules</source>
        <translation>重点模块</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>优势</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>劣势</translation>
    </message>
    <message>
        <source>How to compete</source>
        <translation>竞争策略</translation>
    </message>
    <message>
        <source>The knowledge base cannot be used</source>
        <translation>知识库无法使用</translation>
    </message>
    <message>
        <source>The file cannot be read: {detail}</source>
        <translation>无法读取文件：{detail}</translation>
    </message>
    <message>
        <source>The knowledge base has no {kind} &quot;{code}&quot;</source>
        <translation>知识库中没有{kind}“{code}”</translation>
    </message>
    <message>
        <source>The demo code &quot;{code}&quot; must be &quot;{prefix}.&quot; followed by a name</source>
        <translation>演示代码“{code}”必须以“{prefix}.”开头，后接名称</translation>
    </message>
    <message>
        <source>A demo lasts from 5 to 480 minutes, not {value}</source>
        <translation>演示时长应为 5 到 480 分钟，不能是 {value}</translation>
    </message>
    <message>
        <source>{key} names the module &quot;{value}&quot;, which the knowledge base does not have</source>
        <translation>{key} 引用了模块“{value}”，但知识库中没有该模块</translation>
    </message>
    <message>
        <source>The presales rules refuse this</source>
        <translation>售前规则不允许此操作</translation>
    </message>
    <message>
        <source>The record has been deleted</source>
        <translation>该记录已被删除</translation>
    </message>
    <message>
        <source>A support request cannot go from {from_state} to {to_state}</source>
        <translation>项目资源支持申请不能从“{from_state_zh}”变为“{to_state_zh}”</translation>
    </message>
    <message>
        <source>Only the rep who asked for the support ({rep}) may move the request from {from_state} to {to_state}</source>
        <translation>只有提出申请的销售代表（{rep}）才能将申请从“{from_state_zh}”变为“{to_state_zh}”</translation>
    </message>
    <message>
        <source>Only the team&apos;s presales lead may move the request from {from_state} to {to_state}</source>
        <translation>只有本团队的售前负责人才能将申请从“{from_state_zh}”变为“{to_state_zh}”</translation>
    </message>
    <message>
        <source>Only the assigned consultant ({consultant}) may move the request from {from_state} to {to_state}</source>
        <translation>只有被分派的售前顾问（{consultant}）才能将申请从“{from_state_zh}”变为“{to_state_zh}”</translation>
    </message>
    <message>
        <source>Declining a support request needs a reason</source>
        <translation>拒绝项目资源支持申请需要填写原因</translation>
    </message>
    <message>
        <source>An assignment needs the consultant&apos;s name</source>
        <translation>分派需要指定售前顾问</translation>
    </message>
    <message>
        <source>{name} is not a presales consultant</source>
        <translation>{name}不是售前顾问</translation>
    </message>
    <message>
        <source>The request is already assigned to {consultant}</source>
        <translation>该申请已分派给{consultant}</translation>
    </message>
    <message>
        <source>A support request needs a customer</source>
        <translation>项目资源支持申请需要指定客户</translation>
    </message>
    <message>
        <source>The wanted dates end ({until}) before they start ({start})</source>
        <translation>期望结束日期（{until}）早于开始日期（{start}）</translation>
    </message>
    <message>
        <source>&quot;{module}&quot; is not a module of the playbook; use one of: {allowed}</source>
        <translation>“{module}”不是销售手册中的模块，可选：{allowed}</translation>
    </message>
    <message>
        <source>An engagement is opened for an assigned request, not a {state} one</source>
        <translation>只有已分派的申请才能开启售前项目，当前状态为“{state_zh}”</translation>
    </message>
    <message>
        <source>The engagement is already closed</source>
        <translation>该售前项目已关闭</translation>
    </message>
    <message>
        <source>The playbook has no presales steps</source>
        <translation>销售手册中没有售前流程步骤</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a presales step; use 1 to {count} or a step&apos;s code</source>
        <translation>“{value}”不是售前流程步骤，请使用 1 到 {count} 或步骤代码</translation>
    </message>
    <message>
        <source>The engagement is already in step {step}</source>
        <translation>该售前项目已处于第 {step} 步</translation>
    </message>
    <message>
        <source>Moving an engagement back from step {from_step} to {to_step} needs a reason</source>
        <translation>将售前项目从第 {from_step} 步退回到第 {to_step} 步需要填写原因</translation>
    </message>
    <message>
        <source>Going past unticked activities needs a reason for the override</source>
        <translation>跳过未完成的活动需要填写越过原因</translation>
    </message>
    <message>
        <source>{code} is not an activity of the presales steps</source>
        <translation>{code}不是售前流程步骤中的活动</translation>
    </message>
    <message>
        <source>An engagement is closed in its last step ({step}), not in step {current}</source>
        <translation>售前项目只能在最后一步（第 {step} 步）关闭，当前为第 {current} 步</translation>
    </message>
    <message>
        <source>Closing an engagement needs the technical win decided: won or lost</source>
        <translation>关闭售前项目前需确定技术选型结果：技术赢单或技术丢单</translation>
    </message>
    <message>
        <source>A task needs a title</source>
        <translation>任务需要标题</translation>
    </message>
    <message>
        <source>The time {field} needs its time zone offset</source>
        <translation>时间 {field} 需要包含时区偏移</translation>
    </message>
    <message>
        <source>A new task cannot start in the past ({starts_at})</source>
        <translation>新任务的开始时间不能早于现在（{starts_at}）</translation>
    </message>
    <message>
        <source>The task ends ({ends_at}) before or when it starts ({starts_at})</source>
        <translation>任务的结束时间（{ends_at}）不晚于开始时间（{starts_at}）</translation>
    </message>
    <message>
        <source>A {kind} task has no {field}: that belongs to the other kind of task</source>
        <translation>“{kind_zh}”任务没有 {field}：该字段属于另一类任务</translation>
    </message>
    <message>
        <source>A finding needs a module</source>
        <translation>调研发现需要指定模块</translation>
    </message>
    <message>
        <source>A finding needs a text</source>
        <translation>调研发现需要填写内容</translation>
    </message>
    <message>
        <source>The priority &quot;{value}&quot; is not one of: {allowed}</source>
        <translation>优先级“{value}”无效，可选：{allowed}</translation>
    </message>
    <message>
        <source>The score of scenario {scenario} must be a whole number from 1 to 5, not {value}</source>
        <translation>场景 {scenario} 的评分必须是 1 到 5 的整数，而不是 {value}</translation>
    </message>
    <message>
        <source>There is feedback for {scenario}, which is not a scenario of the demo</source>
        <translation>{scenario} 有反馈，但它不是本次演示的场景</translation>
    </message>
    <message>
        <source>The scenario code {code} is used twice</source>
        <translation>场景代码 {code} 重复使用</translation>
    </message>
    <message>
        <source>A finding becomes a row of the needs worksheet, not of {template}</source>
        <translation>调研发现只能转为客户需求分析表中的一行，不能转入 {template}</translation>
    </message>
    <message>
        <source>The finding is already the need {need_id}</source>
        <translation>该调研发现已转为需求 {need_id}</translation>
    </message>
    <message>
        <source>The task has no finding {id}</source>
        <translation>该任务中没有调研发现 {id}</translation>
    </message>
    <message>
        <source>The notes are {length} characters long; at most {max} are kept</source>
        <translation>备注长 {length} 个字符；最多保留 {max} 个</translation>
    </message>
    <message>
        <source>The questionnaires cannot be read: {detail}</source>
        <translation>无法读取调研问卷：{detail}</translation>
    </message>
    <message>
        <source>The choice question &quot;{code}&quot; needs choices</source>
        <translation>选择题“{code}”需要选项</translation>
    </message>
    <message>
        <source>Only a choice question has choices, not the {kind} question &quot;{code}&quot;</source>
        <translation>只有选择题才有选项，{kind} 类问题“{code}”不能有</translation>
    </message>
    <message>
        <source>{question}: the answer must be a text</source>
        <translation>{question_zh}：答案必须是文字</translation>
    </message>
    <message>
        <source>{question}: the answer must be yes or no</source>
        <translation>{question_zh}：答案必须是“是”或“否”</translation>
    </message>
    <message>
        <source>{question}: &quot;{value}&quot; is not a number</source>
        <translation>{question_zh}：“{value}”不是数字</translation>
    </message>
    <message>
        <source>{question}: &quot;{value}&quot; is not one of: {allowed}</source>
        <translation>{question_zh}：“{value}”无效，可选：{allowed}</translation>
    </message>
    <message>
        <source>The event &quot;{title}&quot; ends before it starts ({start} to {end}); correct its times and export the calendar again</source>
        <translation>日程“{title}”的结束时间早于开始时间（{start} 至 {end}），请更正时间后重新导出日历</translation>
    </message>
    <message>
        <source>Cannot write the calendar {path} ({detail})</source>
        <translation>无法写入日历 {path}（{detail}）</translation>
    </message>
    <message>
        <source>Support request</source>
        <translation>项目资源支持申请</translation>
    </message>
    <message>
        <source>Presales engagement</source>
        <translation>售前项目</translation>
    </message>
    <message>
        <source>Presales task</source>
        <translation>售前任务</translation>
    </message>
    <message>
        <source>The customer {name} has been deleted; a support request needs a current customer</source>
        <translation>客户{name}已被删除；支持申请需要一个现有客户</translation>
    </message>
    <message>
        <source>The deal {deal} belongs to another customer</source>
        <translation>销售机会{deal}属于另一个客户</translation>
    </message>
    <message>
        <source>Only a draft or submitted support request is edited, by the rep who asked</source>
        <translation>只有草稿或已提交的支持申请可以修改，且只能由申请的销售修改</translation>
    </message>
    <message>
        <source>{field} cannot be edited here</source>
        <translation>此处不能修改{field}</translation>
    </message>
    <message>
        <source>A finding becomes a need of a deal; this work has no deal</source>
        <translation>调研发现只能转为销售机会的需求；此项工作没有关联的销售机会</translation>
    </message>
    <message>
        <source>Only a survey records answers and findings</source>
        <translation>只有需求调研可以记录答案和发现</translation>
    </message>
    <message>
        <source>Only a demo records scenario feedback</source>
        <translation>只有DEMO演示可以记录场景反馈</translation>
    </message>
    <message>
        <source>The finding {id} is a need of the deal already and stays in the survey</source>
        <translation>发现{id}已是销售机会的需求，须保留在调研中</translation>
    </message>
    <message>
        <source>The task is {state} and is not changed any more</source>
        <translation>该任务{state_zh}，不能再修改</translation>
    </message>
    <message>
        <source>Presales of {user}</source>
        <translation>{user} 的售前日程</translation>
    </message>
    <message>
        <source>{kind}: {title} ({customer}, {deal})</source>
        <translation>{kind}：{title}（{customer}，{deal}）</translation>
    </message>
    <message>
        <source>{kind}: {title} ({customer})</source>
        <translation>{kind}：{title}（{customer}）</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>The customer&apos;s attendees: {names}</source>
        <translation>客户参加人：{names}</translation>
    </message>
    <message>
        <source>Modules: {modules}</source>
        <translation>模块：{modules}</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>The todo cannot be saved</source>
        <translation>待办无法保存</translation>
    </message>
    <message>
        <source>A todo needs a customer</source>
        <translation>待办需要关联客户</translation>
    </message>
    <message>
        <source>A todo needs a title</source>
        <translation>待办需要标题</translation>
    </message>
    <message>
        <source>The todo&apos;s title may have at most {max} characters, not {length}</source>
        <translation>待办标题最多 {max} 个字符，当前为 {length} 个</translation>
    </message>
    <message>
        <source>The todo&apos;s notes may have at most {max} characters, not {length}</source>
        <translation>待办备注最多 {max} 个字符，当前为 {length} 个</translation>
    </message>
    <message>
        <source>The due time needs its time zone offset</source>
        <translation>到期时间需要带时区偏移</translation>
    </message>
    <message>
        <source>The due date {date} is in the past; pick today or a later day</source>
        <translation>到期日期 {date} 已经过去，请选择今天或之后的日期</translation>
    </message>
    <message>
        <source>The todo has been deleted</source>
        <translation>该待办已被删除</translation>
    </message>
    <message>
        <source>A done todo is not moved; reopen it first</source>
        <translation>已完成的待办不能改期，请先重新打开</translation>
    </message>
    <message>
        <source>The deal {deal} belongs to another customer than the todo</source>
        <translation>销售机会 {deal} 属于另一个客户，与待办的客户不符</translation>
    </message>
    <message>
        <source>The customer {name} has been deleted; a todo needs a current customer</source>
        <translation>客户 {name} 已被删除；待办需要关联现有客户</translation>
    </message>
    <message>
        <source>A due time is for a next step: write the next step, or clear the due time</source>
        <translation>到期时间属于下一步：请填写下一步，或清除到期时间</translation>
    </message>
    <message>
        <source>Todo</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>The knowledge base already has the {kind} &quot;{code}&quot;</source>
        <translation>知识库中已有{kind}“{code}”</translation>
    </message>
    <message>
        <source>The industries {names} name this module; take it out of them first</source>
        <translation>行业 {names} 引用了此模块，请先从这些行业中去掉它</translation>
    </message>
    <message>
        <source>Only an entry of the files can be reset; this one was added on this desk</source>
        <translation>只有文件中的条目可以恢复；此条目是在本机新增的</translation>
    </message>
    <message>
        <source>There is no questionnaire for &quot;{module}&quot;</source>
        <translation>没有“{module}”的问卷</translation>
    </message>
    <message>
        <source>Work of {user}</source>
        <translation>{user}的工作</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <source>{kind}: {customer}</source>
        <translation>{kind}：{customer}</translation>
    </message>
    <message>
        <source>Outcome: {text}</source>
        <translation>结果：{text}</translation>
    </message>
    <message>
        <source>Next step: {text}</source>
        <translation>下一步：{text}</translation>
    </message>
    <message>
        <source>a value is given twice</source>
        <translation>一个值给了两次</translation>
    </message>
    <message>
        <source>an escaped character is not a valid character</source>
        <translation>转义字符不是有效字符</translation>
    </message>
    <message>
        <source>“=” is missing after a key</source>
        <translation>键后面缺少“=”</translation>
    </message>
    <message>
        <source>“]” is missing at the end of a table&apos;s name</source>
        <translation>表名末尾缺少“]”</translation>
    </message>
    <message>
        <source>“]]” is missing at the end of an array&apos;s name</source>
        <translation>数组名末尾缺少“]]”</translation>
    </message>
    <message>
        <source>something follows a statement on the same line</source>
        <translation>同一行的语句后面还有多余内容</translation>
    </message>
    <message>
        <source>a date or time is not valid</source>
        <translation>日期或时间无效</translation>
    </message>
    <message>
        <source>a hexadecimal value is not valid</source>
        <translation>十六进制值无效</translation>
    </message>
    <message>
        <source>a key starts with a character keys cannot start with</source>
        <translation>键以不能开头的字符开头</translation>
    </message>
    <message>
        <source>the line is not a key, a value or a table</source>
        <translation>该行不是键、值或表</translation>
    </message>
    <message>
        <source>a value is not valid (a text needs quotes)</source>
        <translation>值无效（文字需要加引号）</translation>
    </message>
    <message>
        <source>a list is not closed with “]”</source>
        <translation>列表没有以“]”结束</translation>
    </message>
    <message>
        <source>an inline table is not closed with “}}”</source>
        <translation>内联表没有以“}}”结束</translation>
    </message>
    <message>
        <source>a backslash in a text is not escaped</source>
        <translation>文字中的反斜杠没有转义</translation>
    </message>
    <message>
        <source>a text is not closed with its quote</source>
        <translation>文字没有以引号结束</translation>
    </message>
    <message>
        <source>{name} is declared twice</source>
        <translation>{name} 声明了两次</translation>
    </message>
    <message>
        <source>{name} cannot be changed here</source>
        <translation>此处不能更改 {name}</translation>
    </message>
    <message>
        <source>{name} is defined again</source>
        <translation>{name} 被重复定义</translation>
    </message>
    <message>
        <source>the key {name} is given twice</source>
        <translation>键 {name} 给了两次</translation>
    </message>
    <message>
        <source>{name} is expected here</source>
        <translation>此处应为 {name}</translation>
    </message>
    <message>
        <source>the character {name} is not allowed here</source>
        <translation>此处不允许出现字符 {name}</translation>
    </message>
    <message>
        <source>SQLite&apos;s integrity check found {count} problem(s) (details in the log)</source>
        <translation>SQLite 完整性检查发现 {count} 处问题（详情见日志）</translation>
    </message>
</context>
<context>
    <name>OsErrors</name>
    <message>
        <source>permission denied</source>
        <translation>没有访问权限</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>路径中的某一部分不是文件夹</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是一个文件夹，不是文件</translation>
    </message>
    <message>
        <source>a file of that name already exists</source>
        <translation>同名文件已存在</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the drive is read-only</source>
        <translation>该磁盘为只读</translation>
    </message>
    <message>
        <source>the file is in use by another program; close that program first</source>
        <translation>文件正被其他程序使用，请先关闭该程序</translation>
    </message>
    <message>
        <source>too many files are open</source>
        <translation>打开的文件过多</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>文件名过长</translation>
    </message>
    <message>
        <source>the disk could not be read or written</source>
        <translation>磁盘无法读取或写入</translation>
    </message>
    <message>
        <source>not enough memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>the server refused the connection</source>
        <translation>服务器拒绝连接</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>the network cannot be reached</source>
        <translation>无法连接到网络</translation>
    </message>
    <message>
        <source>the server&apos;s name cannot be found</source>
        <translation>找不到服务器的名称</translation>
    </message>
    <message>
        <source>the connection was interrupted</source>
        <translation>连接已中断</translation>
    </message>
    <message>
        <source>the secure connection (TLS) failed</source>
        <translation>安全连接（TLS）失败</translation>
    </message>
    <message>
        <source>the database is in use by another program</source>
        <translation>数据库正被其他程序使用</translation>
    </message>
    <message>
        <source>its content is not in SQLite&apos;s format</source>
        <translation>文件内容不是 SQLite 格式</translation>
    </message>
    <message>
        <source>SQLite found damaged pages</source>
        <translation>SQLite 发现了损坏的数据页</translation>
    </message>
    <message>
        <source>the database cannot be written</source>
        <translation>数据库无法写入</translation>
    </message>
    <message>
        <source>the database file cannot be opened</source>
        <translation>数据库文件无法打开</translation>
    </message>
    <message>
        <source>not an SQLite file</source>
        <translation>不是 SQLite 文件</translation>
    </message>
    <message>
        <source>the file is cut short</source>
        <translation>文件不完整</translation>
    </message>
    <message>
        <source>the text&apos;s encoding cannot be read; save the file as UTF-8</source>
        <translation>无法识别文本的编码，请将文件另存为 UTF-8</translation>
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation>有一个带引号的字段没有结束引号</translation>
    </message>
    <message>
        <source>a closing quote is followed by other characters</source>
        <translation>结束引号后面还有其他字符</translation>
    </message>
    <message>
        <source>a field is too long</source>
        <translation>有一个字段过长</translation>
    </message>
    <message>
        <source>the rows are not laid out as CSV</source>
        <translation>各行不符合 CSV 格式</translation>
    </message>
    <message>
        <source>the file is not a complete XLSX package</source>
        <translation>该文件不是完整的 XLSX 文件</translation>
    </message>
    <message>
        <source>parts of the workbook are missing or damaged</source>
        <translation>工作簿的部分内容缺失或已损坏</translation>
    </message>
    <message>
        <source>an unexpected error of the system</source>
        <translation>系统发生了意外错误</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Sync failed: {detail}</source>
        <translation>同步失败：{detail}</translation>
    </message>
    <message>
        <source>The registry {server} cannot be reached ({detail}); your changes are kept and will be sent at the next sync</source>
        <translation>无法连接客户注册中心 {server}（{detail}）；您的修改已保留，将在下次同步时发送</translation>
    </message>
    <message>
        <source>The registry {server} failed (HTTP {status}: {detail}); try again later</source>
        <translation>客户注册中心 {server} 出错（HTTP {status}：{detail}）；请稍后再试</translation>
    </message>
    <message>
        <source>You are not signed in to {server} (or the sign-in expired); sign in again</source>
        <translation>您尚未登录 {server}（或登录已过期）；请重新登录</translation>
    </message>
    <message>
        <source>The registry {server} refused the sign-in: {detail}</source>
        <translation>客户注册中心 {server} 拒绝登录：{detail}</translation>
    </message>
    <message>
        <source>The registry {server} does not accept this version of ERPDesk: {detail}</source>
        <translation>客户注册中心 {server} 不接受此版本的 ERPDesk：{detail}</translation>
    </message>
    <message>
        <source>The registry {server} refused the request (HTTP {status}: {detail})</source>
        <translation>客户注册中心 {server} 拒绝了请求（HTTP {status}：{detail}）</translation>
    </message>
    <message>
        <source>The registry {server} answered something this desk cannot read; is it an ERPDesk registry of a matching version?</source>
        <translation>客户注册中心 {server} 返回了本机无法识别的内容；它是版本相符的 ERPDesk 客户注册中心吗？</translation>
    </message>
    <message>
        <source>This conflict was resolved already</source>
        <translation>此冲突已经处理过了</translation>
    </message>
    <message>
        <source>The record is no longer on this desk; only keeping their value is possible</source>
        <translation>本机已没有此记录；只能保留对方的值</translation>
    </message>
    <message>
        <source>A {entity} value cannot be re-applied from here; change it in its own window, then keep their value</source>
        <translation>{entity} 的值无法在这里重新应用；请在其自己的窗口中修改，然后保留对方的值</translation>
    </message>
    <message>
        <source>No system keyring is available: the sign-in is kept for this session only</source>
        <translation>没有可用的系统密钥环：登录状态只保留到本次运行结束</translation>
    </message>
    <message>
        <source>The server must be an http:// or https:// address, not {server}</source>
        <translation>服务器必须是 http:// 或 https:// 地址，而不是 {server}</translation>
    </message>
    <message>
        <source>This desk holds {count} changes of {user} on {server} that were not sent yet; sign in as {user} and sync them before signing in as someone else</source>
        <translation>本机有 {user}（{server}）的 {count} 项修改尚未发送；请先以 {user} 登录并同步，再以其他用户登录</translation>
    </message>
    <message>
        <source>Enter your user name</source>
        <translation>请输入用户名</translation>
    </message>
    <message>
        <source>Enter your password</source>
        <translation>请输入密码</translation>
    </message>
    <message>
        <source>Not signed in: run erpdesk login --server URL --user NAME first</source>
        <translation>未登录：请先运行 erpdesk login --server URL --user NAME</translation>
    </message>
</context>
</TS>
