<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>KnowledgeView</source>
        <comment>Feature</comment>
        <translation>KnowledgeView</translation>
    </message>
    <message>
        <source>KnowledgeView</source>
        <comment>Advantage</comment>
        <translation>KnowledgeView</translation>
    </message>
    <message>
        <source>KnowledgeView</source>
        <comment>Benefit</comment>
        <translation>KnowledgeView</translation>
    </message>
    <message>
        <source>KnowledgeView</source>
        <comment>Module: {name}</comment>
        <translation>KnowledgeView</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Log a visit</source>
        <translation>记录拜访</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>记录电话</translation>
    </message>
    <message>
        <source>Log an activity</source>
        <translation>记录跟进</translation>
    </message>
    <message>
        <source>(no contact)</source>
        <translation>（无联系人）</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>跟进内容</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Remind me</source>
        <translation>提醒我</translation>
    </message>
    <message>
        <source>Make the next step a todo due at this date and time</source>
        <translation>把下一步设为在此日期和时间到期的待办</translation>
    </message>
</context>
<context>
    <name>ActivityListModel</name>
    <message>
        <source>Outcome: {text}</source>
        <translation>结果：{text}</translation>
    </message>
    <message>
        <source>Next step: {text}</source>
        <translation>下一步：{text}</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Customer administration</source>
        <translation>客户管理</translation>
    </message>
    <message>
        <source>Registration queue</source>
        <translation>报备队列</translation>
    </message>
    <message>
        <source>Leads to sign for</source>
        <translation>待签收线索</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>客户分配</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>Exemptions</source>
        <translation>豁免</translation>
    </message>
    <message>
        <source>Customer trail</source>
        <translation>客户轨迹</translation>
    </message>
</context>
<context>
    <name>AllocationView</name>
    <message>
        <source>Suggested reps (project type, size, location, ability, load):</source>
        <translation>建议的销售（项目类型、规模、地区、能力、负荷）：</translation>
    </message>
    <message>
        <source>Reason (required, kept in the audit log)</source>
        <translation>原因（必填，记入审计日志）</translation>
    </message>
    <message>
        <source>Allocate to the selected rep</source>
        <translation>分配给所选销售</translation>
    </message>
    <message>
        <source>Release to the pool</source>
        <translation>释放到公海</translation>
    </message>
    <message>
        <source>Give the reason for the allocation</source>
        <translation>请填写分配原因</translation>
    </message>
    <message>
        <source>Give the reason for the release</source>
        <translation>请填写释放原因</translation>
    </message>
    <message>
        <source>Select the rep to allocate to</source>
        <translation>请选择要分配的销售</translation>
    </message>
    <message>
        <source>{company} was released to the pool</source>
        <translation>{company} 已释放到公海</translation>
    </message>
    <message>
        <source>{company} is now allocated to {rep}</source>
        <translation>{company} 已分配给 {rep}</translation>
    </message>
    <message>
        <source>Find a customer, or choose one in the queue or the pool.</source>
        <translation>查找客户，或在报备队列或公海中选择。</translation>
    </message>
    <message>
        <source>Status: {status}; owner: {owner}</source>
        <translation>状态：{status}；负责人：{owner}</translation>
    </message>
    <message>
        <source>Protected until {until}; released if not followed up by {due}</source>
        <translation>保护至 {until}；如 {due} 前未跟进将被释放</translation>
    </message>
    <message>
        <source>Exempt from release: {reason}</source>
        <translation>豁免释放：{reason}</translation>
    </message>
</context>
<context>
    <name>ApiRunner</name>
    <message>
        <source>You are not signed in to the customer registry: sign in first</source>
        <translation>您尚未登录客户注册中心：请先登录</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Record the approval</source>
        <translation>记录审批</translation>
    </message>
    <message>
        <source>A discount of {discount} % is above the rep&apos;s limit of {limit} %. Record the manager&apos;s decision.</source>
        <translation>折扣 {discount} % 超出了销售代表的权限 {limit} %，请记录经理的审批意见。</translation>
    </message>
    <message>
        <source>The manager&apos;s name</source>
        <translation>经理姓名</translation>
    </message>
    <message>
        <source>Approve the discount</source>
        <translation>批准该折扣</translation>
    </message>
    <message>
        <source>Reject it</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Approver *</source>
        <translation>审批人 *</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Who decided? The approver&apos;s name is required.</source>
        <translation>请填写审批人姓名。</translation>
    </message>
    <message>
        <source>The quote&apos;s author cannot approve their own discount.</source>
        <translation>报价人不能审批自己的折扣。</translation>
    </message>
</context>
<context>
    <name>ApprovalsTable</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>By</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请审批</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Re-assign the support request</source>
        <translation>改派支持申请</translation>
    </message>
    <message>
        <source>Assign the support request</source>
        <translation>分派支持申请</translation>
    </message>
    <message>
        <source>Hand {what} from {current} to another presales consultant.</source>
        <translation>将{what}从 {current} 改派给另一位售前顾问。</translation>
    </message>
    <message>
        <source>Assign {what} to a presales consultant.</source>
        <translation>将{what}分派给一位售前顾问。</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>售前顾问</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Open engagements</source>
        <translation>进行中的项目</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Pick from the list or type a registry user name</source>
        <translation>从列表中选择，或输入注册中心的用户名</translation>
    </message>
    <message>
        <source>Re-assign</source>
        <translation>改派</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>分派</translation>
    </message>
    <message>
        <source>Refreshing the list from the registry…</source>
        <translation>正在从客户注册中心更新列表…</translation>
    </message>
    <message>
        <source>The list was not refreshed ({reason}); the one kept on this desk is shown.</source>
        <translation>列表未能更新（{reason}）；显示的是本机保存的列表。</translation>
    </message>
    <message>
        <source>The registry&apos;s list of {when}.</source>
        <translation>客户注册中心 {when} 的列表。</translation>
    </message>
    <message>
        <source>No list from the registry yet: the consultants this desk&apos;s requests name are shown.</source>
        <translation>尚未从客户注册中心取得列表：显示本机申请中出现过的顾问。</translation>
    </message>
    <message>
        <source>{name} is the consultant now.</source>
        <translation>{name} 就是当前的顾问。</translation>
    </message>
    <message>
        <source>{name} is not in the registry&apos;s list: the registry checks that it is a presales consultant when the desk syncs.</source>
        <translation>{name} 不在客户注册中心的列表中：同步时由注册中心核查其是否为售前顾问。</translation>
    </message>
    <message>
        <source>Named on this desk; not in the registry&apos;s last list</source>
        <translation>本机记录中出现过；不在注册中心最近的列表中</translation>
    </message>
    <message>
        <source>The team&apos;s presales lead</source>
        <translation>团队的售前负责人</translation>
    </message>
</context>
<context>
    <name>AttendeesTable</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Add attendee</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Last follow-up</source>
        <translation>最近跟进</translation>
    </message>
    <message>
        <source>Released to the pool</source>
        <translation>释放到公海</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Registered by the rep</source>
        <translation>销售报备</translation>
    </message>
    <message>
        <source>Possible duplicate: near the names of held customers</source>
        <translation>疑似重复：与已登记客户名称相近</translation>
    </message>
    <message>
        <source>Call-back: registration valid</source>
        <translation>回访：报备有效</translation>
    </message>
    <message>
        <source>Call-back: registration invalid</source>
        <translation>回访：报备无效</translation>
    </message>
    <message>
        <source>Allocated to a rep</source>
        <translation>分配给销售</translation>
    </message>
    <message>
        <source>Released to the pool for want of follow-up</source>
        <translation>因未跟进释放到公海</translation>
    </message>
    <message>
        <source>Made from a telemarketing lead</source>
        <translation>由电销线索建立</translation>
    </message>
    <message>
        <source>Exempted from release to the pool</source>
        <translation>豁免释放到公海</translation>
    </message>
    <message>
        <source>Exemption ended</source>
        <translation>结束豁免</translation>
    </message>
    <message>
        <source>Claimed from the pool</source>
        <translation>从公海领取</translation>
    </message>
    <message>
        <source>Lead entered</source>
        <translation>录入线索</translation>
    </message>
    <message>
        <source>Lead handed over</source>
        <translation>移交线索</translation>
    </message>
    <message>
        <source>Lead returned</source>
        <translation>退回线索</translation>
    </message>
    <message>
        <source>Lead signed for</source>
        <translation>签收线索</translation>
    </message>
    <message>
        <source>Lead allocated to a rep</source>
        <translation>线索分配给销售</translation>
    </message>
    <message>
        <source>Lead outcome reported</source>
        <translation>报告线索结果</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <source>Rep profile changed</source>
        <translation>更改销售画像</translation>
    </message>
    <message>
        <source>Sign-in block cleared</source>
        <translation>解除登录限制</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>更改设置</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Last owner</source>
        <translation>上一负责人</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Protected since</source>
        <translation>保护开始</translation>
    </message>
    <message>
        <source>Protected until</source>
        <translation>保护截止</translation>
    </message>
    <message>
        <source>Due for release</source>
        <translation>到期释放时间</translation>
    </message>
    <message>
        <source>Owner warned</source>
        <translation>已提醒负责人</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>释放时间</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>核实时间</translation>
    </message>
    <message>
        <source>Exempt since</source>
        <translation>豁免开始</translation>
    </message>
    <message>
        <source>Exemption reason</source>
        <translation>豁免原因</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>报备</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Outcome note</source>
        <translation>结果说明</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Duplicate check</source>
        <translation>查重结果</translation>
    </message>
    <message>
        <source>The registry (release sweep)</source>
        <translation>注册中心（到期释放）</translation>
    </message>
    <message>
        <source>The registry ({job})</source>
        <translation>注册中心（{job}）</translation>
    </message>
    <message>
        <source>Command line ({user})</source>
        <translation>命令行（{user}）</translation>
    </message>
    <message>
        <source>protection ended</source>
        <translation>保护期结束</translation>
    </message>
    <message>
        <source>no follow-up for {days} days</source>
        <translation>{days} 天未跟进</translation>
    </message>
    <message>
        <source>won: lead {lead} signed</source>
        <translation>赢单：线索 {lead} 已签单</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Every decision the registry took about this customer, newest first: registration and call-back, allocations and releases, claims from the pool, exemptions, and the telemarketing lead it came from, with who took it and why.</source>
        <translation>注册中心对该客户做出的每项决定，最新的在前：报备与回访、分配与释放、从公海领取、豁免，以及客户来源的电销线索，并注明操作人和原因。</translation>
    </message>
    <message>
        <source>Loading the trail…</source>
        <translation>正在加载轨迹…</translation>
    </message>
    <message>
        <source>The registry holds no decision about this customer.</source>
        <translation>注册中心尚无关于该客户的任何决定。</translation>
    </message>
    <message>
        <source>The newest {shown} of {total} entries</source>
        <translation>共 {total} 条，显示最新的 {shown} 条</translation>
    </message>
    <message>
        <source>Entries: {total}</source>
        <translation>共 {total} 条</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Find a customer to see its trail on the registry.</source>
        <translation>查找客户以查看其在注册中心的轨迹。</translation>
    </message>
    <message>
        <source>{company}: {status}, owner {owner}</source>
        <translation>{company}：{status}，负责人 {owner}</translation>
    </message>
</context>
<context>
    <name>BenefitForm</name>
    <message>
        <source>CNY</source>
        <translation>元</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Count the return on investment over (years)</source>
        <translation>投资回报率计算年限（年）</translation>
    </message>
    <message>
        <source>The customer&apos;s own figures, typed as 8000000, 800万, 1,200,000 or 20%. A benefit counts once its amount and its percentage are given; empty fields keep their default.</source>
        <translation>客户自己的数据，可写作 8000000、800万、1,200,000 或 20%。每项效益在金额和比例都填写后才计入；空白字段取默认值。</translation>
    </message>
    <message>
        <source>the quote&apos;s total {amount}</source>
        <translation>报价合计 {amount}</translation>
    </message>
</context>
<context>
    <name>BenefitResultPanel</name>
    <message>
        <source>Result</source>
        <translation>测算结果</translation>
    </message>
    <message>
        <source>Annual benefit</source>
        <translation>年效益</translation>
    </message>
    <message>
        <source>Annual running cost</source>
        <translation>年运行维护费用</translation>
    </message>
    <message>
        <source>Net annual benefit</source>
        <translation>年净效益</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>项目总投资</translation>
    </message>
    <message>
        <source>Investment (the quote&apos;s total)</source>
        <translation>项目总投资（报价合计）</translation>
    </message>
    <message>
        <source>Return on investment over {years} years</source>
        <translation>{years} 年投资回报率</translation>
    </message>
    <message>
        <source>Payback</source>
        <translation>投资回收期</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months} 个月</translation>
    </message>
    <message>
        <source>Correct the figures marked in red to see the result.</source>
        <translation>请更正标红的数据以查看测算结果。</translation>
    </message>
    <message>
        <source>Type the customer&apos;s own figures: each benefit needs its amount and its percentage.</source>
        <translation>请填写客户自己的数据：每项效益都需要金额和比例。</translation>
    </message>
    <message>
        <source>Hover over a benefit to see its formula.</source>
        <translation>将鼠标悬停在某项效益上可查看计算公式。</translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <source>{n} deals</source>
        <translation>{n} 个商机</translation>
    </message>
    <message>
        <source>Amount {amount}</source>
        <translation>金额 {amount}</translation>
    </message>
    <message>
        <source>Weighted {amount}</source>
        <translation>加权 {amount}</translation>
    </message>
    <message>
        <source>Amount {amount}; weighted {weighted}</source>
        <translation>金额 {amount}；加权 {weighted}</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>{name}: default probability {p}%</source>
        <translation>{name}：默认赢率 {p}%</translation>
    </message>
    <message>
        <source>Drop a card here to close the deal; shows the deals closed in the last {n} days</source>
        <translation>把卡片拖到这里即关闭商机；此处显示最近 {n} 天内关闭的商机</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢单</translation>
    </message>
</context>
<context>
    <name>BrandingDialog</name>
    <message>
        <source>Company branding</source>
        <translation>公司信息与标识</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Printed on every quote and proposal PDF.</source>
        <translation>将印在每一份报价单和方案书 PDF 上。</translation>
    </message>
    <message>
        <source>Company name (Chinese) *</source>
        <translation>公司名称（中文）*</translation>
    </message>
    <message>
        <source>Company name (English)</source>
        <translation>公司名称（英文）</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Address (Chinese)</source>
        <translation>地址（中文）</translation>
    </message>
    <message>
        <source>Address (English)</source>
        <translation>地址（英文）</translation>
    </message>
    <message>
        <source>Letterhead line (Chinese)</source>
        <translation>信头标语（中文）</translation>
    </message>
    <message>
        <source>Letterhead line (English)</source>
        <translation>信头标语（英文）</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Taxpayer ID</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标识（Logo）</translation>
    </message>
    <message>
        <source>Main colour</source>
        <translation>主色</translation>
    </message>
    <message>
        <source>Accent colour</source>
        <translation>辅助色</translation>
    </message>
    <message>
        <source>Seal label</source>
        <translation>盖章处文字</translation>
    </message>
    <message>
        <source>Footer note (Chinese)</source>
        <translation>页脚说明（中文）</translation>
    </message>
    <message>
        <source>Footer note (English)</source>
        <translation>页脚说明（英文）</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Contact and bank</source>
        <translation>联系方式与银行</translation>
    </message>
    <message>
        <source>Logo and colours</source>
        <translation>标识与颜色</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无标识</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>选择标识图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请修改标红的字段。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Discard the changes to the company branding?</source>
        <translation>放弃对公司信息与标识的修改吗？</translation>
    </message>
</context>
<context>
    <name>CatalogueItemDialog</name>
    <message>
        <source>Edit item {code}</source>
        <translation>编辑产品 {code}</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新建产品</translation>
    </message>
    <message>
        <source>Offered in new quotes</source>
        <translation>可用于新报价</translation>
    </message>
    <message>
        <source>Add statement</source>
        <translation>添加条目</translation>
    </message>
    <message>
        <source>Remove statement</source>
        <translation>删除条目</translation>
    </message>
    <message>
        <source>Item and price</source>
        <translation>产品与价格</translation>
    </message>
    <message>
        <source>Description and FAB</source>
        <translation>描述与 FAB</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Price in {list} (CNY)</source>
        <translation>{list}中的单价（元）</translation>
    </message>
    <message>
        <source>Price (no price list)</source>
        <translation>单价（无价目表）</translation>
    </message>
    <message>
        <source>Code *</source>
        <translation>编码 *</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Name (Chinese) *</source>
        <translation>名称（中文）*</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Unit (Chinese) *</source>
        <translation>单位（中文）*</translation>
    </message>
    <message>
        <source>Unit (English)</source>
        <translation>单位（英文）</translation>
    </message>
    <message>
        <source>Licence basis</source>
        <translation>许可计价方式</translation>
    </message>
    <message>
        <source>ERP module</source>
        <translation>ERP 模块</translation>
    </message>
    <message>
        <source>VAT rate %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Maintenance % of licences</source>
        <translation>维护费占许可费比例 %</translation>
    </message>
    <message>
        <source>Description (Chinese)</source>
        <translation>描述（中文）</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>描述（英文）</translation>
    </message>
    <message>
        <source>FAB statements (feature · advantage · benefit)</source>
        <translation>FAB 陈述（特性 · 优势 · 利益）</translation>
    </message>
    <message>
        <source>Feature (zh)</source>
        <translation>特性（中文）</translation>
    </message>
    <message>
        <source>Feature (en)</source>
        <translation>特性（英文）</translation>
    </message>
    <message>
        <source>Advantage (zh)</source>
        <translation>优势（中文）</translation>
    </message>
    <message>
        <source>Advantage (en)</source>
        <translation>优势（英文）</translation>
    </message>
    <message>
        <source>Benefit (zh)</source>
        <translation>利益（中文）</translation>
    </message>
    <message>
        <source>Benefit (en)</source>
        <translation>利益（英文）</translation>
    </message>
    <message>
        <source>{rate} (the kind&apos;s rate)</source>
        <translation>{rate}（按类别税率）</translation>
    </message>
    <message>
        <source>“{text}” is not a number</source>
        <translation>“{text}”不是数字</translation>
    </message>
    <message>
        <source>A code is lower-case letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;, such as fi-gl</source>
        <translation>编码只能由小写字母、数字、“.”、“-”和“_”组成，例如 fi-gl</translation>
    </message>
    <message>
        <source>The catalogue already has an item {code}</source>
        <translation>产品目录中已有编码为 {code} 的产品</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请修改标红的字段。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Discard the changes to this item?</source>
        <translation>放弃对该产品的修改吗？</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>from {start}</source>
        <translation>自 {start} 起</translation>
    </message>
    <message>
        <source>Filter by code or name</source>
        <translation>按编码或名称筛选</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>New item…</source>
        <translation>新建产品…</translation>
    </message>
    <message>
        <source>Edit item…</source>
        <translation>编辑产品…</translation>
    </message>
    <message>
        <source>Import XLSX…</source>
        <translation>导入 XLSX…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <source>Price list</source>
        <translation>价目表</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>计价方式</translation>
    </message>
    <message>
        <source>VAT %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Price (CNY)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>当前有效</translation>
    </message>
    <message>
        <source>Catalogue {version}</source>
        <translation>产品目录 {version}</translation>
    </message>
    <message>
        <source>No price list: items have no price.</source>
        <translation>没有价目表：产品暂无价格。</translation>
    </message>
    <message>
        <source>prices include VAT</source>
        <translation>价格含税</translation>
    </message>
    <message>
        <source>prices exclude VAT</source>
        <translation>价格不含税</translation>
    </message>
    <message>
        <source>not yet valid: from {day}</source>
        <translation>尚未生效：{day} 起生效</translation>
    </message>
    <message>
        <source>expired on {day}</source>
        <translation>已于 {day} 失效</translation>
    </message>
    <message>
        <source>valid today</source>
        <translation>今日有效</translation>
    </message>
    <message>
        <source>{percent} % of licences</source>
        <translation>许可费的 {percent} %</translation>
    </message>
    <message>
        <source>* the kind&apos;s VAT rate</source>
        <translation>* 按类别税率</translation>
    </message>
    <message>
        <source>No price in this price list</source>
        <translation>该价目表中没有此产品的价格</translation>
    </message>
    <message>
        <source>Choose an item to see it.</source>
        <translation>选择一个产品查看详情。</translation>
    </message>
    <message>
        <source>ERP module: {module}</source>
        <translation>ERP 模块：{module}</translation>
    </message>
    <message>
        <source>FAB</source>
        <translation>FAB（特性 · 优势 · 利益）</translation>
    </message>
    <message>
        <source>Advantage</source>
        <translation>优势</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>利益</translation>
    </message>
    <message>
        <source>Import a catalogue</source>
        <translation>导入产品目录</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>Export the catalogue</source>
        <translation>导出产品目录</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>正在导出到 {name}…</translation>
    </message>
    <message>
        <source>Imported: {n} items, {lists} price lists.</source>
        <translation>已导入：{n} 个产品，{lists} 个价目表。</translation>
    </message>
    <message>
        <source>Nothing was imported: the file has {n} problems. Correct them and try again.</source>
        <translation>未导入任何内容：文件中有 {n} 处问题，请修改后重试。</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>CataloguePicker</name>
    <message>
        <source>Add from the catalogue</source>
        <translation>从产品目录添加</translation>
    </message>
    <message>
        <source>Filter by code or name</source>
        <translation>按编码或名称筛选</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>{percent} % of licences</source>
        <translation>许可费的 {percent} %</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The quantity must be a number above 0.</source>
        <translation>数量必须是大于 0 的数字。</translation>
    </message>
    <message>
        <source>Choose at least one item.</source>
        <translation>请至少选择一个产品。</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG picture</source>
        <translation>将此图表保存为 PNG 图片</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>导出图表为 PNG</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Could not save the picture to {path}.</source>
        <translation>无法将图片保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>ConflictReview</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>方案建议书</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Source detail</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Stated need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>成交概率</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next step date</source>
        <translation>下一步日期</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Reason for the probability</source>
        <translation>成功率调整原因</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Deal team</source>
        <translation>项目团队</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>价格方式</translation>
    </message>
    <message>
        <source>Quote date</source>
        <translation>报价日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>报价明细</translation>
    </message>
    <message>
        <source>Payment milestones</source>
        <translation>付款节点</translation>
    </message>
    <message>
        <source>Delivery terms</source>
        <translation>交付条款</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Benefit figures</source>
        <translation>效益测算</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>ConflictReviewDialog</name>
    <message>
        <source>Review conflicts</source>
        <translation>处理冲突</translation>
    </message>
    <message>
        <source>You and someone else changed the same field before your changes met. The registry kept their value; yours is kept here until you choose.</source>
        <translation>您和其他人在同步之前修改了同一字段。客户注册中心保留了对方的值；您的值保存在这里，等您决定。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的值</translation>
    </message>
    <message>
        <source>Theirs (now in the record)</source>
        <translation>对方的值（记录中的当前值）</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的值</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留对方的值</translation>
    </message>
    <message>
        <source>Accept their value; yours is dropped</source>
        <translation>接受对方的值；您的值将被放弃</translation>
    </message>
    <message>
        <source>Re-apply mine</source>
        <translation>重新应用我的值</translation>
    </message>
    <message>
        <source>Write your value again; it is sent with the next sync</source>
        <translation>重新写入您的值；下次同步时发送</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No conflicts to review.</source>
        <translation>没有需要处理的冲突。</translation>
    </message>
    <message>
        <source>(not on this desk)</source>
        <translation>（本机没有此记录）</translation>
    </message>
    <message>
        <source>(taken out of your view)</source>
        <translation>（已不在您的可见范围内）</translation>
    </message>
    <message>
        <source>This record was taken out of your view (given to someone else, released to the pool, or a deal team you are no longer on); the registry did not take your value. Pass it on if it still matters, then keep theirs.</source>
        <translation>这条记录已不在您的可见范围内（已分配给他人、已释放到公海，或您已不在该销售机会的团队中）；客户注册中心没有采用您的值。如仍需要，请转告现在负责的人，然后保留对方的值。</translation>
    </message>
    <message>
        <source>Your value cannot be written again from here; change the record in its own window if you still want it, then keep theirs.</source>
        <translation>无法在这里重新写入您的值；如仍需要，请在该记录自己的窗口中修改，然后选择保留对方的值。</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Office phone</source>
        <translation>办公电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
</context>
<context>
    <name>CustomerChooser</name>
    <message>
        <source>New quote</source>
        <translation>新建报价</translation>
    </message>
    <message>
        <source>Type part of the customer&apos;s name</source>
        <translation>输入客户名称的一部分</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Start the quote</source>
        <translation>开始报价</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CustomerDeals</name>
    <message>
        <source>Deal</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount (CNY)</source>
        <translation>预计金额（元）</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>New deal…</source>
        <translation>新建销售机会…</translation>
    </message>
    <message>
        <source>No deals yet: start one with New deal.</source>
        <translation>还没有销售机会：点击“新建销售机会”开始。</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>新建销售机会</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <source>Deals ({n})</source>
        <translation>销售机会（{n}）</translation>
    </message>
    <message>
        <source>Todos ({n})</source>
        <translation>待办（{n}）</translation>
    </message>
    <message>
        <source>Quotes ({n})</source>
        <translation>报价（{n}）</translation>
    </message>
    <message>
        <source>Proposal…</source>
        <translation>建议书…</translation>
    </message>
    <message>
        <source>A solution proposal for the customer without a deal</source>
        <translation>不关联商机的客户解决方案建议书</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>建议书</translation>
    </message>
    <message>
        <source>Select a customer to see its details</source>
        <translation>选择一个客户以查看详情</translation>
    </message>
    <message>
        <source>Registration:</source>
        <translation>注册状态：</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Ask for presales support…</source>
        <translation>申请售前支持…</translation>
    </message>
    <message>
        <source>What is missing before registration</source>
        <translation>注册前还缺少的信息</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Stated need</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Log a visit</source>
        <translation>记录拜访</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>记录电话</translation>
    </message>
    <message>
        <source>Nothing logged yet.</source>
        <translation>尚无跟进记录。</translation>
    </message>
    <message>
        <source>Registration is decided by the customer administrator and arrives by sync</source>
        <translation>注册状态由客户管理员审核决定，通过同步获得</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Contacts ({n})</source>
        <translation>联系人（{n}）</translation>
    </message>
    <message>
        <source>Activities ({n})</source>
        <translation>跟进记录（{n}）</translation>
    </message>
    <message>
        <source>✓ Ready to register</source>
        <translation>✓ 信息完整，可以注册</translation>
    </message>
    <message>
        <source>✓ Nothing is missing</source>
        <translation>✓ 信息完整</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Remove the contact {name}?</source>
        <translation>删除联系人 {name}？</translation>
    </message>
    <message>
        <source>ERPDesk</source>
        <translation>ERPDesk</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>Edit customer – {name}</source>
        <translation>编辑客户 – {name}</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Full registered name, e.g. 浪潮电子信息产业股份有限公司</source>
        <translation>工商注册全称，例如：浪潮电子信息产业股份有限公司</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91370000163446410B</source>
        <translation>18位，例如：91370000163446410B</translation>
    </message>
    <message>
        <source>e.g. referred by 海尔 Qingdao office</source>
        <translation>例如：海尔青岛办事处介绍</translation>
    </message>
    <message>
        <source>What the customer wants to solve (required for registration)</source>
        <translation>客户希望解决的问题（注册时必填）</translation>
    </message>
    <message>
        <source>Full name *</source>
        <translation>客户名称 *</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Source detail</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Stated need</source>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>注册状态</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>This company is already a customer: open it instead</source>
        <translation>该公司已是客户：请打开它，不要重复新建</translation>
    </message>
    <message>
        <source>Same company: {name} has this USCC</source>
        <translation>同一家公司：{name} 的统一社会信用代码与此相同</translation>
    </message>
    <message>
        <source>Same company: {name} has this name</source>
        <translation>同一家公司：{name} 的名称与此相同</translation>
    </message>
    <message>
        <source>Possible duplicate: {name} has the same name but another USCC ({uscc})</source>
        <translation>可能重复：{name} 名称相同，但统一社会信用代码不同（{uscc}）</translation>
    </message>
    <message>
        <source>Possible duplicate: {name} has the same name but for the region</source>
        <translation>可能重复：{name} 除地区外名称相同</translation>
    </message>
    <message>
        <source>Possible duplicate: {name} ({score}% similar)</source>
        <translation>可能重复：{name}（相似度 {score}%）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Show this customer</source>
        <translation>显示这个客户</translation>
    </message>
    <message>
        <source>A possible duplicate is for you to check: if this is another company, save it as it is.</source>
        <translation>可能重复的客户需要您核实：如果这是另一家公司，直接保存即可。</translation>
    </message>
    <message>
        <source>Unsaved changes from {time} were found. Restore them?</source>
        <translation>发现 {time} 未保存的修改，是否恢复？</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Discard the changes to this customer?</source>
        <translation>放弃对这个客户的修改？</translation>
    </message>
</context>
<context>
    <name>CustomerListPage</name>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>Search: name, pinyin initials (lc = 浪潮), phone, USCC</source>
        <translation>搜索：名称、拼音首字母（lc = 浪潮）、电话、统一社会信用代码</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>全部省份</translation>
    </message>
    <message>
        <source>Any protection</source>
        <translation>全部保护状态</translation>
    </message>
    <message>
        <source>The pool…</source>
        <translation>公海…</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>No customer matches “{text}” with the filters {filters}.</source>
        <translation>在筛选条件 {filters} 下，没有符合“{text}”的客户。</translation>
    </message>
    <message>
        <source>No customer matches “{text}”.</source>
        <translation>没有符合“{text}”的客户。</translation>
    </message>
    <message>
        <source>No customer matches the filters {filters}.</source>
        <translation>没有符合筛选条件 {filters} 的客户。</translation>
    </message>
    <message>
        <source>Clear the search and filters</source>
        <translation>清除搜索和筛选</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Delete the customer {name} with its contacts and activities?</source>
        <translation>删除客户 {name} 及其联系人和跟进记录？</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Company name or credit code</source>
        <translation>公司名称或统一社会信用代码</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Enter a company name or credit code</source>
        <translation>请输入公司名称或统一社会信用代码</translation>
    </message>
    <message>
        <source>No customer of that name or code is on the registry</source>
        <translation>注册中心没有该名称或代码的客户</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Until {date}</source>
        <translation>保护至 {date}</translation>
    </message>
    <message>
        <source>Expires {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <source>{name} · contact {person}</source>
        <translation>{name} · 联系人 {person}</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>注册状态</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>保护</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>CustomerTodos</name>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Todo</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>新建待办…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Tomorrow 9:00</source>
        <translation>改到明天 9:00</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>DealEditor</name>
    <message>
        <source>e.g. 850000 or 85万</source>
        <translation>例如 850000 或 85万</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>Deal name *</source>
        <translation>商机名称 *</translation>
    </message>
    <message>
        <source>ERP modules</source>
        <translation>ERP 模块</translation>
    </message>
    <message>
        <source>Estimated amount (CNY)</source>
        <translation>预计金额（元）</translation>
    </message>
    <message>
        <source>Expected close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next step date</source>
        <translation>下一步日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Edit deal {name}</source>
        <translation>编辑销售机会 {name}</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>新建销售机会</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请修正标红的字段。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Discard the changes to this deal?</source>
        <translation>放弃对该销售机会的修改吗？</translation>
    </message>
</context>
<context>
    <name>DealListModel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>本阶段天数</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康提示</translation>
    </message>
</context>
<context>
    <name>DealPage</name>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Move forward</source>
        <translation>推进到下一阶段</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>移动到…</translation>
    </message>
    <message>
        <source>Close won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Close lost</source>
        <translation>丢单</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>Deal review PDF…</source>
        <translation>商机评审 PDF…</translation>
    </message>
    <message>
        <source>Quotes ({n})</source>
        <translation>报价（{n}）</translation>
    </message>
    <message>
        <source>Proposal…</source>
        <translation>建议书…</translation>
    </message>
    <message>
        <source>The deal&apos;s solution proposal</source>
        <translation>该商机的解决方案建议书</translation>
    </message>
    <message>
        <source>Presales ({n})</source>
        <translation>售前（{n}）</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>建议书</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>成功率</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>本阶段天数</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Checklist of stage</source>
        <translation>阶段检查清单</translation>
    </message>
    <message>
        <source>Exit criteria</source>
        <translation>出口标准</translation>
    </message>
    <message>
        <source>Open worksheet</source>
        <translation>打开分析表</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>分析表</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Attached to</source>
        <translation>归属</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason and overrides</source>
        <translation>原因与越过项</translation>
    </message>
    <message>
        <source>{stage} (closed {status})</source>
        <translation>{stage}（已关闭：{status}）</translation>
    </message>
    <message>
        <source>{probability} (overridden: {reason})</source>
        <translation>{probability}（已调整：{reason}）</translation>
    </message>
    <message>
        <source>Lost: {reason}</source>
        <translation>丢单原因：{reason}</translation>
    </message>
    <message>
        <source>won by {competitor}</source>
        <translation>赢单方：{competitor}</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Worksheets ({n})</source>
        <translation>分析表（{n}）</translation>
    </message>
    <message>
        <source>Activities ({n})</source>
        <translation>跟进记录（{n}）</translation>
    </message>
    <message>
        <source>Stage history ({n})</source>
        <translation>阶段历史（{n}）</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>（可选）</translation>
    </message>
    <message>
        <source>{by}, {when}</source>
        <translation>{by},{when}</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Required in stage {n}</source>
        <translation>第{n}阶段必填</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>Required and missing: {names}</source>
        <translation>必填但缺少：{names}</translation>
    </message>
    <message>
        <source>✓ Every required worksheet so far is there</source>
        <translation>✓ 目前所有必填分析表均已完成</translation>
    </message>
    <message>
        <source>{reason} (overridden: {items})</source>
        <translation>{reason}（越过：{items}）</translation>
    </message>
    <message>
        <source>Reopen the deal</source>
        <translation>重新打开销售机会</translation>
    </message>
    <message>
        <source>Deal review PDF</source>
        <translation>商机评审 PDF</translation>
    </message>
    <message>
        <source>Save the deal review</source>
        <translation>保存商机评审</translation>
    </message>
</context>
<context>
    <name>DealPresales</name>
    <message>
        <source>Ask for presales support…</source>
        <translation>申请售前支持…</translation>
    </message>
    <message>
        <source>Open request…</source>
        <translation>打开申请…</translation>
    </message>
    <message>
        <source>Open engagement</source>
        <translation>打开售前工作</translation>
    </message>
    <message>
        <source>No presales support asked for this deal yet: a demo, a requirements survey or a solution can be asked from the presales team.</source>
        <translation>这个销售机会还没有申请售前支持：可以向售前团队申请DEMO演示、需求调研或方案编写等支持。</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>支持类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>售前顾问</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>期望时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>售前步骤</translation>
    </message>
    <message>
        <source>Technical win</source>
        <translation>技术选型</translation>
    </message>
</context>
<context>
    <name>DecisionNotifier</name>
    <message>
        <source>Registration</source>
        <translation>客户注册</translation>
    </message>
    <message>
        <source>{name}: possible duplicate, the administrator decides; similar: {names}</source>
        <translation>{name}：疑似重复，待管理员判定；相似客户：{names}</translation>
    </message>
    <message>
        <source>{name}: registered, now protected for you</source>
        <translation>{name}：注册通过，现已为您保护</translation>
    </message>
    <message>
        <source>{name}: registration rejected: {reasons}</source>
        <translation>{name}：注册被驳回：{reasons}</translation>
    </message>
    <message>
        <source>{name}: the registry refused the registration: {reasons}</source>
        <translation>{name}：客户注册中心拒绝了注册：{reasons}</translation>
    </message>
</context>
<context>
    <name>DeclineDialog</name>
    <message>
        <source>Decline the support request</source>
        <translation>拒绝支持申请</translation>
    </message>
    <message>
        <source>Decline {what}? The rep reads the reason.</source>
        <translation>拒绝{what}？销售会看到拒绝原因。</translation>
    </message>
    <message>
        <source>Why the presales team cannot take it on</source>
        <translation>售前团队无法承接的原因</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>DemoEditor</name>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>演示内容</translation>
    </message>
    <message>
        <source>After the demo</source>
        <translation>演示之后</translation>
    </message>
    <message>
        <source>Modules shown</source>
        <translation>演示模块</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>演示场景</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>演示环境</translation>
    </message>
    <message>
        <source>Data to prepare</source>
        <translation>需准备的数据</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>演示脚本</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add from knowledge base…</source>
        <translation>从知识库添加…</translation>
    </message>
    <message>
        <source>Fill from scripts</source>
        <translation>从脚本填入</translation>
    </message>
    <message>
        <source>System, version, accounts, network…</source>
        <translation>系统、版本、账号、网络…</translation>
    </message>
    <message>
        <source>Master data and documents the demo needs</source>
        <translation>演示所需的主数据和单据</translation>
    </message>
    <message>
        <source>The customer&apos;s feedback per scenario</source>
        <translation>客户对各场景的反馈</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save as done</source>
        <translation>保存为已完成</translation>
    </message>
    <message>
        <source>Cancel demo…</source>
        <translation>取消演示…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New demo</source>
        <translation>新建DEMO演示</translation>
    </message>
    <message>
        <source>New demo · consultant {consultant}</source>
        <translation>新建DEMO演示 · 售前顾问 {consultant}</translation>
    </message>
    <message>
        <source>Demo {title}</source>
        <translation>DEMO演示 {title}</translation>
    </message>
    <message>
        <source>Demo · consultant {consultant} · {state}</source>
        <translation>DEMO演示 · 售前顾问 {consultant} · {state}</translation>
    </message>
    <message>
        <source>The engagement is closed; it takes no new demo.</source>
        <translation>此售前工作已结束，不能再新建演示。</translation>
    </message>
    <message>
        <source>Saved. The demo overlaps other planned demos of the same people:
{demos}</source>
        <translation>已保存。此演示与相同人员的其他计划中演示时间重叠：
{demos}</translation>
    </message>
    <message>
        <source>Overlapping demos</source>
        <translation>演示时间重叠</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请更正红色标出的字段。</translation>
    </message>
    <message>
        <source>Cancel the demo</source>
        <translation>取消演示</translation>
    </message>
    <message>
        <source>Cancel the demo “{title}”? A cancelled demo is not changed any more.</source>
        <translation>取消演示“{title}”？已取消的演示不能再修改。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Discard the changes to this demo?</source>
        <translation>放弃对此演示的修改？</translation>
    </message>
</context>
<context>
    <name>DemoScriptPicker</name>
    <message>
        <source>Add demo scripts from the knowledge base</source>
        <translation>从知识库添加演示脚本</translation>
    </message>
    <message>
        <source>Search the demo scripts</source>
        <translation>搜索演示脚本</translation>
    </message>
    <message>
        <source>Only the demo&apos;s modules</source>
        <translation>仅限本次演示的模块</translation>
    </message>
    <message>
        <source>Demo script</source>
        <translation>演示脚本</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No demo script matches the search.</source>
        <translation>没有符合搜索条件的演示脚本。</translation>
    </message>
</context>
<context>
    <name>Domain</name>
    <message>
        <source>Scenario {scenario} has a comment but no score; give it a score from 1 to 5</source>
        <translation>场景 {scenario} 有评价但没有评分；请给出 1 到 5 的评分</translation>
    </message>
</context>
<context>
    <name>EngagementDialog</name>
    <message>
        <source>Next step</source>
        <translation>下一步骤</translation>
    </message>
    <message>
        <source>Move to step…</source>
        <translation>转到步骤…</translation>
    </message>
    <message>
        <source>Close engagement…</source>
        <translation>结束售前工作…</translation>
    </message>
    <message>
        <source>Outputs of the step</source>
        <translation>本步骤的输出</translation>
    </message>
    <message>
        <source>The engagement is no longer on this desk.</source>
        <translation>此售前工作已不在本机。</translation>
    </message>
    <message>
        <source>Engagement · {customer}</source>
        <translation>售前工作 · {customer}</translation>
    </message>
    <message>
        <source>{customer}: presales in step {step}</source>
        <translation>{customer}：售前处于步骤 {step}</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <source>Tasks ({n})</source>
        <translation>任务（{n}）</translation>
    </message>
    <message>
        <source>History ({n})</source>
        <translation>步骤历史（{n}）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>（可选）</translation>
    </message>
    <message>
        <source>Checklist of step {step} (* required)</source>
        <translation>步骤 {step} 的检查清单（* 为必做）</translation>
    </message>
    <message>
        <source>current step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <source>Move the engagement forward</source>
        <translation>推进售前工作</translation>
    </message>
    <message>
        <source>Move from {step} to {target}. The step&apos;s checklist has required work that is not done; you may move on anyway, and the override and its reason are recorded in the history.</source>
        <translation>从 {step} 推进到 {target}。该步骤的检查清单中有未完成的必做工作；您仍可继续推进，跳过的活动及原因会记录在步骤历史中。</translation>
    </message>
    <message>
        <source>Why move on without this work?</source>
        <translation>为什么在这些工作未完成时推进？</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>推进</translation>
    </message>
    <message>
        <source>Move the engagement back</source>
        <translation>退回售前工作</translation>
    </message>
    <message>
        <source>Move back from {step} to {target}.</source>
        <translation>从 {step} 退回到 {target}。</translation>
    </message>
    <message>
        <source>Why does the engagement go back?</source>
        <translation>为什么要退回？</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Close the engagement</source>
        <translation>结束售前工作</translation>
    </message>
    <message>
        <source>Close the engagement as “{win}”. The last step has required work that is not done; the override and its reason are recorded.</source>
        <translation>以“{win}”结束售前工作。最后一个步骤中有未完成的必做工作；跳过的活动及原因会被记录。</translation>
    </message>
    <message>
        <source>Why close without this work?</source>
        <translation>为什么在这些工作未完成时结束？</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>The engagement cannot be closed</source>
        <translation>无法结束售前工作</translation>
    </message>
    <message>
        <source>Close the engagement as “{win}”? A closed engagement is not changed any more.</source>
        <translation>以“{win}”结束售前工作？已结束的售前工作不能再修改。</translation>
    </message>
</context>
<context>
    <name>EngagementHeader</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请类型</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>售前顾问</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Technical win</source>
        <translation>技术选型结果</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Closed on {when}</source>
        <translation>已于 {when} 结束</translation>
    </message>
</context>
<context>
    <name>EngagementTasks</name>
    <message>
        <source>New demo…</source>
        <translation>新建DEMO演示…</translation>
    </message>
    <message>
        <source>New survey…</source>
        <translation>新建需求调研…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ExemptionView</name>
    <message>
        <source>Reason (required, at most 500 characters)</source>
        <translation>原因（必填，最多 500 字）</translation>
    </message>
    <message>
        <source>Exempt from release</source>
        <translation>豁免释放</translation>
    </message>
    <message>
        <source>End the exemption</source>
        <translation>结束豁免</translation>
    </message>
    <message>
        <source>Give the reason for the exemption</source>
        <translation>请填写豁免原因</translation>
    </message>
    <message>
        <source>{company} is exempt from release to the pool</source>
        <translation>{company} 已豁免释放到公海</translation>
    </message>
    <message>
        <source>{company} is no longer exempt; its protection restarts now</source>
        <translation>{company} 不再豁免，保护期从现在重新开始</translation>
    </message>
    <message>
        <source>Find a protected customer to exempt it from release to the pool (a won customer, an open deal).</source>
        <translation>查找一个受保护的客户，可豁免其释放到公海（已签单客户、进行中的商机）。</translation>
    </message>
    <message>
        <source>Status: {status}; owner: {owner}</source>
        <translation>状态：{status}；负责人：{owner}</translation>
    </message>
    <message>
        <source>Exempt since {since}: {reason}</source>
        <translation>自 {since} 起豁免：{reason}</translation>
    </message>
    <message>
        <source>Held by an open deal ({count} open): not released to the pool while a deal is open</source>
        <translation>有进行中的商机（{count} 个）：商机进行期间不会释放到公海</translation>
    </message>
    <message>
        <source>Not exempt: released to the pool if not followed up by {due}</source>
        <translation>未豁免：如 {due} 前未跟进将释放到公海</translation>
    </message>
</context>
<context>
    <name>FeedbackTable</name>
    <message>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评价</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx)；；CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Writing {count} customers to {name}…</source>
        <translation>正在将 {count} 个客户写入 {name}…</translation>
    </message>
    <message>
        <source>{count} customers written to {path}</source>
        <translation>已将 {count} 个客户写入 {path}</translation>
    </message>
    <message>
        <source>The list could not be written to {path}: {reason}. Nothing was written.</source>
        <translation>无法将列表写入 {path}：{reason}。未写入任何内容。</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>ERPDesk backups (*.bak);;All files (*)</source>
        <translation>ERPDesk 备份 (*.bak)；；所有文件 (*)</translation>
    </message>
    <message>
        <source>Copying the database to {name}…</source>
        <translation>正在将数据库复制到 {name}…</translation>
    </message>
    <message>
        <source>The database is backed up to {path}.

The backup holds {customers} customers, {contacts} contacts and {activities} activities.</source>
        <translation>数据库已备份到 {path}。

备份包含 {customers} 个客户、{contacts} 个联系人和 {activities} 条活动记录。</translation>
    </message>
    <message>
        <source>A backup cannot be written over the database itself: choose another file.</source>
        <translation>备份不能覆盖数据库本身：请选择另一个文件。</translation>
    </message>
    <message>
        <source>The backup could not be written to {path}: {reason}. Nothing was written.</source>
        <translation>无法将备份写入 {path}：{reason}。未写入任何内容。</translation>
    </message>
    <message>
        <source>Open demo data</source>
        <translation>打开演示数据</translation>
    </message>
    <message>
        <source>Making {count} demo customers…</source>
        <translation>正在生成 {count} 个演示客户…</translation>
    </message>
    <message>
        <source>The demo database {path} could not be made: {reason}.</source>
        <translation>无法生成演示数据库 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Export the list…</source>
        <translation>导出列表(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the customers the list shows to an Excel or CSV file</source>
        <translation>将列表中显示的客户写入 Excel 或 CSV 文件</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>ERPDesk backups (*.bak *.db);;All files (*)</source>
        <translation>ERPDesk 备份 (*.bak *.db)；；所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>正在检查 {name}…</translation>
    </message>
    <message>
        <source>{name} is the database in use: choose a backup file.</source>
        <translation>{name} 是正在使用的数据库：请选择一个备份文件。</translation>
    </message>
    <message>
        <source>{name} is not an ERPDesk backup: {reason}. Nothing was changed.</source>
        <translation>{name} 不是 ERPDesk 备份：{reason}。未做任何更改。</translation>
    </message>
    <message>
        <source>it is another program&apos;s database</source>
        <translation>它是其他程序的数据库</translation>
    </message>
    <message>
        <source>it is not a database file</source>
        <translation>它不是数据库文件</translation>
    </message>
    <message>
        <source>The backup {name} is damaged: choose another one. Nothing was changed.</source>
        <translation>备份 {name} 已损坏：请选择另一个备份。未做任何更改。</translation>
    </message>
    <message>
        <source>Replace the current database with the backup of {date}? The current one is saved first as {name}.</source>
        <translation>用 {date} 的备份替换当前数据库吗？当前数据库会先另存为 {name}。</translation>
    </message>
    <message>
        <source>The backup holds {customers} customers.</source>
        <translation>该备份包含 {customers} 个客户。</translation>
    </message>
    <message>
        <source>{count} changes made on this desk have not been synced yet: they are lost unless you sync before restoring.</source>
        <translation>本机有 {count} 项更改尚未同步：除非先同步再恢复，否则这些更改将丢失。</translation>
    </message>
    <message>
        <source>Saving the current database as {name}…</source>
        <translation>正在将当前数据库另存为 {name}…</translation>
    </message>
    <message>
        <source>The current database could not be saved first, so nothing was restored: {reason}.</source>
        <translation>无法先保存当前数据库，因此未恢复任何内容：{reason}。</translation>
    </message>
    <message>
        <source>This window cannot restart by itself. Close ERPDesk and run: erpdesk db restore {path}</source>
        <translation>此窗口无法自行重启。请关闭 ERPDesk 后运行：erpdesk db restore {path}</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}. Nothing was changed.</source>
        <translation>无法读取 {name}：{reason}。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Next quarter</source>
        <translation>下季度</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>from, e.g. 50万</source>
        <translation>最低，如 50万</translation>
    </message>
    <message>
        <source>to</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Not an amount: {text}</source>
        <translation>不是有效金额：{text}</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Module *</source>
        <translation>模块 *</translation>
    </message>
    <message>
        <source>Finding *</source>
        <translation>发现 *</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Need of the deal</source>
        <translation>商机需求</translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation>添加发现</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Make a need of the deal</source>
        <translation>转为商机需求</translation>
    </message>
    <message>
        <source>Adds the finding as a row of the deal&apos;s needs analysis, linked both ways</source>
        <translation>将该发现添加为商机需求分析表中的一行，双向关联</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>✔ Need {id}</source>
        <translation>✔ 需求 {id}</translation>
    </message>
    <message>
        <source>Finding {row} is a need of the deal already: it stays in the survey (remove the need on the deal&apos;s needs analysis instead).</source>
        <translation>第 {row} 条发现已是商机需求，需保留在调研中（如需删除，请在商机的需求分析表中删除该需求）。</translation>
    </message>
    <message>
        <source>Finding {row}: {problem}</source>
        <translation>第 {row} 条发现：{problem}</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to ERPDesk</source>
        <translation>欢迎使用 ERPDesk</translation>
    </message>
    <message>
        <source>Your desk has no customers yet. Start in one of three ways:</source>
        <translation>您的工作台还没有客户。可以从以下三种方式之一开始：</translation>
    </message>
    <message>
        <source>Import customers from Excel or CSV…</source>
        <translation>从 Excel 或 CSV 导入客户…</translation>
    </message>
    <message>
        <source>Pick a file: its columns are matched (Chinese or English headers) and every row is checked before anything is imported.</source>
        <translation>选择一个文件：自动匹配各列（中文或英文表头），并在导入前逐行检查。</translation>
    </message>
    <message>
        <source>Add a customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <source>Type in your first customer and a contact.</source>
        <translation>录入您的第一个客户和一位联系人。</translation>
    </message>
    <message>
        <source>Open demo data…</source>
        <translation>打开演示数据…</translation>
    </message>
    <message>
        <source>Try ERPDesk on {count} made-up customers with deals and quotes, in a database of their own: yours stays as it is.</source>
        <translation>用 {count} 个虚构客户（含商机和报价）试用 ERPDesk，它们存放在单独的数据库中：您自己的数据库保持不变。</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Your database: {path}</source>
        <translation>您的数据库：{path}</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <source>The forecast could not be loaded: {problem}</source>
        <translation>无法加载预测：{problem}</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>10,000 CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>商机金额</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢单</translation>
    </message>
    <message>
        <source>{number} {name}: {count} deals, {amount} × 10,000 CNY</source>
        <translation>{number} {name}：{count} 个，{amount} 万元</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>{stays} completed stays</source>
        <translation>{stays} 次已完成的停留</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>进入</translation>
    </message>
    <message>
        <source>Moved on</source>
        <translation>推进</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Avg. days</source>
        <translation>平均天数</translation>
    </message>
    <message>
        <source>Double-click to open the deal</source>
        <translation>双击打开销售机会</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>停留天数</translation>
    </message>
    <message>
        <source>Close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Stalled deals (&gt; {days} days): {count}</source>
        <translation>停滞商机（超过 {days} 天）：{count}</translation>
    </message>
    <message>
        <source>Open {count}: {amount}, weighted {weighted} · won {won} · lost {lost}</source>
        <translation>进行中 {count} 个：{amount}，加权 {weighted} · 赢单 {won} · 丢单 {lost}</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>By quarter</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>Weighted pipeline by expected close</source>
        <translation>按预计成交期的加权销售管道</translation>
    </message>
    <message>
        <source>Won vs. open vs. lost</source>
        <translation>赢单 / 进行中 / 丢单</translation>
    </message>
    <message>
        <source>Funnel: open deals per stage</source>
        <translation>销售漏斗：各阶段进行中的商机</translation>
    </message>
    <message>
        <source>Conversion and days per stage</source>
        <translation>阶段转化率与平均天数</translation>
    </message>
    <message>
        <source>Stalled deals</source>
        <translation>停滞商机</translation>
    </message>
</context>
<context>
    <name>FunnelBoard</name>
    <message>
        <source>{n} d</source>
        <translation>{n}天</translation>
    </message>
    <message>
        <source>Expected close: {date}</source>
        <translation>预计成交：{date}</translation>
    </message>
    <message>
        <source>{n} days in this stage</source>
        <translation>已在本阶段 {n} 天</translation>
    </message>
    <message>
        <source>Owner: {owner}</source>
        <translation>负责人：{owner}</translation>
    </message>
</context>
<context>
    <name>FunnelPage</name>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Sales funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>The deal page is not available yet.</source>
        <translation>商机详情页暂不可用。</translation>
    </message>
    <message>
        <source>The forecast is coming in a later version.</source>
        <translation>预测将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>GateDialog</name>
    <message>
        <source>These required activities are not done:</source>
        <translation>以下必做活动尚未完成：</translation>
    </message>
    <message>
        <source>These required worksheets are missing:</source>
        <translation>以下必填分析表尚缺：</translation>
    </message>
    <message>
        <source>Move on anyway and record the override</source>
        <translation>仍然推进，并记录越过关卡</translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation>丢单原因</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Winning competitor</source>
        <translation>赢单的竞争对手</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close the deal as won</source>
        <translation>商机赢单</translation>
    </message>
    <message>
        <source>Close the deal as lost</source>
        <translation>商机丢单</translation>
    </message>
    <message>
        <source>Move the deal back</source>
        <translation>商机退回</translation>
    </message>
    <message>
        <source>Move the deal forward</source>
        <translation>推进商机</translation>
    </message>
    <message>
        <source>Close “{deal}” (now in {stage}) as won.</source>
        <translation>将“{deal}”（当前：{stage}）关闭为赢单。</translation>
    </message>
    <message>
        <source>Close “{deal}” (now in {stage}) as lost.</source>
        <translation>将“{deal}”（当前：{stage}）关闭为丢单。</translation>
    </message>
    <message>
        <source>Move “{deal}” back from {stage} to {target}.</source>
        <translation>将“{deal}”从 {stage} 退回到 {target}。</translation>
    </message>
    <message>
        <source>Move “{deal}” from {stage} to {target}.</source>
        <translation>将“{deal}”从 {stage} 推进到 {target}。</translation>
    </message>
    <message>
        <source>The stage&apos;s gate asks for work that is not done yet; you may move on anyway, and the override and its reason are recorded in the stage history.</source>
        <translation>本阶段关卡要求的工作尚未完成；仍可推进，越过关卡的记录及原因会写入阶段历史。</translation>
    </message>
    <message>
        <source>Why does the deal go back?</source>
        <translation>商机为什么退回？</translation>
    </message>
    <message>
        <source>Why move on without this work?</source>
        <translation>为什么不完成这些工作就推进？</translation>
    </message>
    <message>
        <source>Close as won</source>
        <translation>确认赢单</translation>
    </message>
    <message>
        <source>Close as lost</source>
        <translation>确认丢单</translation>
    </message>
    <message>
        <source>Move back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>推进</translation>
    </message>
    <message>
        <source>The deal cannot be moved</source>
        <translation>商机无法移动</translation>
    </message>
</context>
<context>
    <name>ImportColumnsPage</name>
    <message>
        <source>Match the columns</source>
        <translation>对应列</translation>
    </message>
    <message>
        <source>Each column of the file and the field it is imported as; a column set to (ignore) is left out</source>
        <translation>文件的每一列及其导入为的字段；设为（忽略）的列不导入</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几个值</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>{field} is required: choose the column that holds it</source>
        <translation>{field}为必填项：请选择包含它的列</translation>
    </message>
    <message>
        <source>{field} is chosen for more than one column ({columns}); keep one</source>
        <translation>{field}被选给了多列（{columns}）；请只保留一列</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or a CSV file, one customer a row</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件，每行一个客户</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>The file&apos;s path</source>
        <translation>文件路径</translation>
    </message>
    <message>
        <source>The first row with a column of customer names (客户名称 or name) is the header; a title above it is skipped. CSV may be UTF-8 or GBK, as Excel saves it.</source>
        <translation>第一个含客户名称列（客户名称或 name）的行为表头，其上方的标题行会被跳过。CSV 可为 UTF-8 或 GBK 编码，与 Excel 保存的一致。</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.csv)；；所有文件 (*)</translation>
    </message>
    <message>
        <source>{rows} rows and {columns} columns in {name}</source>
        <translation>{name} 中有 {rows} 行、{columns} 列</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>{column} (ignored)</source>
        <translation>{column}（忽略）</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <source>Check the rows</source>
        <translation>检查各行</translation>
    </message>
    <message>
        <source>Nothing is written yet. Rows with problems are shaded; point at a cell to read its problem</source>
        <translation>尚未写入任何数据。有问题的行已标色；将鼠标指向单元格可查看其问题</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Only rows that are not new customers</source>
        <translation>只显示非新客户的行</translation>
    </message>
    <message>
        <source>Rows to import:</source>
        <translation>导入的行：</translation>
    </message>
    <message>
        <source>All rows (only when no row has problems)</source>
        <translation>全部行（仅当没有行有问题时）</translation>
    </message>
    <message>
        <source>Only the valid rows</source>
        <translation>只导入有效行</translation>
    </message>
    <message>
        <source>Customers already known:</source>
        <translation>已有客户：</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Merge them: fill their empty fields, add a new contact</source>
        <translation>合并：补全其空白字段，添加新联系人</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>{rows} rows: {valid} valid, {problems} with problems. Of the valid rows, {new} are new customers and {known} are customers already known</source>
        <translation>共 {rows} 行：{valid} 行有效，{problems} 行有问题。有效行中，{new} 行是新客户，{known} 行是已有客户</translation>
    </message>
    <message>
        <source>The table shows the first {shown} of {matching} rows</source>
        <translation>表格显示 {matching} 行中的前 {shown} 行</translation>
    </message>
    <message>
        <source>No row can be imported: correct the file and choose it again</source>
        <translation>没有可导入的行：请修改文件后重新选择</translation>
    </message>
    <message>
        <source>Some rows have problems: import only the valid rows, or correct the file and choose it again</source>
        <translation>部分行有问题：请只导入有效行，或修改文件后重新选择</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>All rows are written in one step, or none</source>
        <translation>所有行一次写入，或全部不写入</translation>
    </message>
    <message>
        <source>Cancel stops the import and writes nothing. You can keep working in the window.</source>
        <translation>点击“取消”将停止导入，不写入任何数据。导入期间可继续在窗口中工作。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Importing row {done} of {total}…</source>
        <translation>正在导入第 {done} 行，共 {total} 行…</translation>
    </message>
</context>
<context>
    <name>ImportSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>Save the rejected rows…</source>
        <translation>保存未导入的行…</translation>
    </message>
    <message>
        <source>The rejected rows as the file had them, with a column of their problems, to correct and import again</source>
        <translation>按原文件格式保存未导入的行，并附一列问题说明，修改后可再次导入</translation>
    </message>
    <message>
        <source>Nothing was written</source>
        <translation>未写入任何数据</translation>
    </message>
    <message>
        <source>The customer list shows the new customers</source>
        <translation>客户列表中已显示新客户</translation>
    </message>
    <message>
        <source>Nothing was imported: {rejected} of {rows} rows have problems</source>
        <translation>未导入任何数据：{rows} 行中有 {rejected} 行有问题</translation>
    </message>
    <message>
        <source>Added {count} new customers</source>
        <translation>新增 {count} 个客户</translation>
    </message>
    <message>
        <source>Merged {count} rows into customers already known</source>
        <translation>{count} 行合并到已有客户</translation>
    </message>
    <message>
        <source>Skipped {count} rows of customers already known</source>
        <translation>跳过 {count} 行已有客户</translation>
    </message>
    <message>
        <source>Rejected {count} rows with problems</source>
        <translation>{count} 行因有问题未导入</translation>
    </message>
    <message>
        <source>{count} of the new customers may be customers already known: check them</source>
        <translation>新客户中有 {count} 个可能是已有客户：请核对</translation>
    </message>
    <message>
        <source>Row {row} ({name}): {reason}</source>
        <translation>第 {row} 行（{name}）：{reason}</translation>
    </message>
    <message>
        <source>{name}-rejected</source>
        <translation>{name}-未导入</translation>
    </message>
    <message>
        <source>Save the rejected rows</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx)；；CSV (*.csv)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Saved {count} rows to {path}</source>
        <translation>已将 {count} 行保存到 {path}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Company phone</source>
        <translation>公司电话</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Source detail</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <source>Region (province and city)</source>
        <translation>地区（省市）</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact&apos;s title</source>
        <translation>联系人职务</translation>
    </message>
    <message>
        <source>Contact&apos;s department</source>
        <translation>联系人部门</translation>
    </message>
    <message>
        <source>Contact&apos;s mobile</source>
        <translation>联系人手机</translation>
    </message>
    <message>
        <source>Contact&apos;s phone</source>
        <translation>联系人电话</translation>
    </message>
    <message>
        <source>Contact&apos;s e-mail</source>
        <translation>联系人邮箱</translation>
    </message>
    <message>
        <source>Contact&apos;s WeChat</source>
        <translation>联系人微信</translation>
    </message>
    <message>
        <source>Already in the database as {existing}</source>
        <translation>数据库中已有此客户：{existing}</translation>
    </message>
    <message>
        <source>The same customer as row {existing_row} ({existing})</source>
        <translation>与第 {existing_row} 行（{existing}）是同一客户</translation>
    </message>
    <message>
        <source>Named like several customers with different credit codes ({existing}); add its credit code to say which one</source>
        <translation>与多个信用代码不同的客户同名（{existing}）；请填写其信用代码以确定是哪一个</translation>
    </message>
    <message>
        <source>The same name as {existing} but another credit code ({existing_uscc}); imported as another company: check it</source>
        <translation>与{existing}同名但信用代码不同（{existing_uscc}）；作为另一家公司导入：请核对</translation>
    </message>
    <message>
        <source>May be {existing} (a region on one side only); imported as a new customer: check it</source>
        <translation>可能是{existing}（仅一方带地区）；作为新客户导入：请核对</translation>
    </message>
    <message>
        <source>row {row} ({name})</source>
        <translation>第 {row} 行（{name}）</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>New, check it</source>
        <translation>新客户，请核对</translation>
    </message>
    <message>
        <source>Has problems</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Known: skipped</source>
        <translation>已有：跳过</translation>
    </message>
    <message>
        <source>Known: merged</source>
        <translation>已有：合并</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>The file cannot be read ({detail})</source>
        <translation>无法读取文件（{detail}）</translation>
    </message>
    <message>
        <source>Something went wrong ({detail}); nothing was written</source>
        <translation>出现错误（{detail}）；未写入任何数据</translation>
    </message>
</context>
<context>
    <name>KnowledgeEditBar</name>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Back to the entry of the knowledge base files</source>
        <translation>恢复为知识库文件中的条目</translation>
    </message>
    <message>
        <source>Questionnaires…</source>
        <translation>调研问卷…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the knowledge base…</source>
        <translation>导出知识库…</translation>
    </message>
    <message>
        <source>Export the questionnaires…</source>
        <translation>导出调研问卷…</translation>
    </message>
    <message>
        <source>Edited on this desk {when} by {who}</source>
        <translation>{who} 于 {when} 在本机修改</translation>
    </message>
    <message>
        <source>Added on this desk {when} by {who}</source>
        <translation>{who} 于 {when} 在本机新增</translation>
    </message>
    <message>
        <source>Module…</source>
        <translation>模块…</translation>
    </message>
    <message>
        <source>Industry…</source>
        <translation>行业…</translation>
    </message>
    <message>
        <source>Competitor…</source>
        <translation>竞争对手…</translation>
    </message>
    <message>
        <source>Restore a removed entry</source>
        <translation>恢复已移除的条目</translation>
    </message>
    <message>
        <source>New module</source>
        <translation>新建模块</translation>
    </message>
    <message>
        <source>The knowledge base has an entry for every module of the playbook.</source>
        <translation>知识库已包含方法论中每个模块的条目。</translation>
    </message>
    <message>
        <source>Remove this entry from the knowledge base on this desk? It can be restored from New….</source>
        <translation>在本机知识库中移除此条目？之后可在“新建…”中恢复。</translation>
    </message>
    <message>
        <source>Delete this entry added on this desk?</source>
        <translation>删除这个在本机新增的条目？</translation>
    </message>
    <message>
        <source>Remove entry</source>
        <translation>移除条目</translation>
    </message>
    <message>
        <source>Reset entry</source>
        <translation>恢复条目</translation>
    </message>
    <message>
        <source>Forget this desk&apos;s changes to the entry and use the files&apos; again?</source>
        <translation>放弃本机对此条目的修改，重新使用文件中的内容？</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>Export the knowledge base to</source>
        <translation>将知识库导出到</translation>
    </message>
    <message>
        <source>Export the questionnaires</source>
        <translation>导出调研问卷</translation>
    </message>
    <message>
        <source>TOML files (*.toml)</source>
        <translation>TOML 文件 (*.toml)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Could not write {where}: {detail}</source>
        <translation>无法写入 {where}：{detail}</translation>
    </message>
    <message>
        <source>Written to {where}. Name it in ERPDESK_KNOWLEDGE or ERPDESK_QUESTIONNAIRES on the other desks.</source>
        <translation>已写入 {where}。请在其他电脑上用 ERPDESK_KNOWLEDGE 或 ERPDESK_QUESTIONNAIRES 指向它。</translation>
    </message>
</context>
<context>
    <name>KnowledgeEditor</name>
    <message>
        <source>module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>New {kind}</source>
        <translation>新建{kind}</translation>
    </message>
    <message>
        <source>Edit {kind} {code}</source>
        <translation>编辑{kind} {code}</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>One per line</source>
        <translation>每行一条</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>A demo code is the module&apos;s code, a dot and a name: finance.month_end</source>
        <translation>演示编码为模块编码加一个点再加名称，例如：finance.month_end</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{field}, row {n}</source>
        <translation>{field}第{n}行</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请更正标红的字段。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Discard the changes to this entry?</source>
        <translation>放弃对此条目的更改？</translation>
    </message>
</context>
<context>
    <name>KnowledgeView</name>
    <message>
        <source>{n} minutes</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Demo script</source>
        <translation>演示脚本</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Demo scripts</source>
        <translation>演示脚本</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>No module matches “{query}”.</source>
        <translation>没有与“{query}”匹配的模块。</translation>
    </message>
    <message>
        <source>No demo script matches “{query}”.</source>
        <translation>没有与“{query}”匹配的演示脚本。</translation>
    </message>
    <message>
        <source>No industry matches “{query}”.</source>
        <translation>没有与“{query}”匹配的行业。</translation>
    </message>
    <message>
        <source>No competitor matches “{query}”.</source>
        <translation>没有与“{query}”匹配的竞争对手。</translation>
    </message>
    <message>
        <source>Search: Chinese, pinyin or initials</source>
        <translation>搜索：中文、拼音或首字母</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Loading the knowledge base…</source>
        <translation>正在加载知识库…</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Copy demo script</source>
        <translation>复制演示脚本</translation>
    </message>
    <message>
        <source>Copy the demo script&apos;s steps and data to prepare as plain text</source>
        <translation>将演示脚本的步骤和准备数据复制为纯文本</translation>
    </message>
    <message>
        <source>The knowledge base cannot be shown:</source>
        <translation>无法显示知识库：</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>共 {n} 个条目</translation>
    </message>
    <message>
        <source>1 entry found</source>
        <translation>找到 1 个条目</translation>
    </message>
    <message>
        <source>{n} entries found</source>
        <translation>找到 {n} 个条目</translation>
    </message>
    <message>
        <source>The knowledge base has no entries of this kind.</source>
        <translation>知识库中没有此类条目。</translation>
    </message>
    <message>
        <source>Nothing in the knowledge base matches “{query}”.</source>
        <translation>知识库中没有与“{query}”匹配的内容。</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>特性</translation>
    </message>
    <message>
        <source>Advantage</source>
        <translation>优势</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>利益</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>ERPDesk needs a display and none was found (DISPLAY is not set). Start it in a desktop session, or under a virtual display: xvfb-run erpdesk; erpdesk --screenshot FILE draws the window into a PNG without a display</source>
        <translation>ERPDesk 需要显示器，但没有找到（未设置 DISPLAY）。请在桌面会话中启动，或在虚拟显示器下运行：xvfb-run erpdesk；erpdesk --screenshot FILE 可在没有显示器时把窗口画成 PNG 图片</translation>
    </message>
    <message>
        <source>The window cannot open: the system libraries {missing} are missing; install them: sudo apt-get install {packages}</source>
        <translation>无法打开窗口：缺少系统库 {missing}；请安装：sudo apt-get install {packages}</translation>
    </message>
    <message>
        <source>Warning: no Chinese font was found, so Chinese text may show as boxes; install one: sudo apt-get install fonts-noto-cjk</source>
        <translation>警告：未找到中文字体，中文可能显示为方框；请安装：sudo apt-get install fonts-noto-cjk</translation>
    </message>
    <message>
        <source>ERPDesk</source>
        <translation>ERPDesk</translation>
    </message>
    <message>
        <source>There is no database at {path}. To make one with demo data: erpdesk demo --customers 2000 --db {path}</source>
        <translation>{path} 处没有数据库。要建立一个含演示数据的数据库：erpdesk demo --customers 2000 --db {path}</translation>
    </message>
    <message>
        <source>There is no database at {path}.

Create a new, empty database there?</source>
        <translation>{path} 处没有数据库。

要在那里新建一个空数据库吗？</translation>
    </message>
    <message>
        <source>The newest backup is {name}, saved {saved}. Restore it? The damaged file is kept beside it as {file}.damaged-&lt;time&gt;; changes made after the backup are not in it.</source>
        <translation>最新的备份是 {name}，保存于 {saved}。要恢复它吗？损坏的文件会保留在原处，名为 {file}.damaged-&lt;时间&gt;；备份之后所做的更改不在备份中。</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
</context>
<context>
    <name>LeadDesk</name>
    <message>
        <source>Sign for / allocate…</source>
        <translation>签收 / 分配…</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Outcome…</source>
        <translation>结果…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>{n} leads to sign for</source>
        <translation>{n} 条线索待签收</translation>
    </message>
    <message>
        <source>{company}: saved</source>
        <translation>{company}：已保存</translation>
    </message>
    <message>
        <source>No rep yet (sign for only)</source>
        <translation>暂不指定销售（仅签收）</translation>
    </message>
    <message>
        <source>{rep}: score {score:.0f}, holds {held}/{cap}</source>
        <translation>{rep}：得分 {score:.0f}，持有 {held}/{cap}</translation>
    </message>
    <message>
        <source>Sign for {company}</source>
        <translation>签收 {company}</translation>
    </message>
    <message>
        <source>Naming a rep makes the lead that rep&apos;s protected customer at once.</source>
        <translation>指定销售后，该线索立即成为该销售的受保护客户。</translation>
    </message>
    <message>
        <source>Rep:</source>
        <translation>销售：</translation>
    </message>
    <message>
        <source>Return {company}</source>
        <translation>退回 {company}</translation>
    </message>
    <message>
        <source>The telemarketer is told the reason.</source>
        <translation>会把原因告知电话营销员。</translation>
    </message>
    <message>
        <source>Outcome of {company}</source>
        <translation>{company} 的结果</translation>
    </message>
    <message>
        <source>Lost and invalid need a note.</source>
        <translation>销售失利和无效资源需要填写说明。</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>结果：</translation>
    </message>
</context>
<context>
    <name>LeadForm</name>
    <message>
        <source>Company:</source>
        <translation>公司：</translation>
    </message>
    <message>
        <source>Credit code:</source>
        <translation>信用代码：</translation>
    </message>
    <message>
        <source>Industry, size:</source>
        <translation>行业、规模：</translation>
    </message>
    <message>
        <source>Province, city:</source>
        <translation>省份、城市：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Contact, phone:</source>
        <translation>联系人、电话：</translation>
    </message>
    <message>
        <source>Need:</source>
        <translation>需求：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>The company&apos;s full name (required)</source>
        <translation>公司全称（必填）</translation>
    </message>
    <message>
        <source>18 characters, when known</source>
        <translation>18 位，已知时填写</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>The company&apos;s phone</source>
        <translation>公司电话</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Mobile or landline</source>
        <translation>手机或座机</translation>
    </message>
    <message>
        <source>What the company needs, as the call found it</source>
        <translation>电话了解到的公司需求</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Enter lead</source>
        <translation>录入线索</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>LeadTableModel</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>已移交</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>销售失利</translation>
    </message>
    <message>
        <source>Invalid resource</source>
        <translation>无效资源</translation>
    </message>
    <message>
        <source>Following up</source>
        <translation>继续跟进</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Telemarketer</source>
        <translation>电话营销员</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>LinesPanel</name>
    <message>
        <source>Add line</source>
        <translation>添加明细行</translation>
    </message>
    <message>
        <source>Add from catalogue…</source>
        <translation>从产品目录添加…</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除明细行</translation>
    </message>
    <message>
        <source>Move the line up</source>
        <translation>上移该行</translation>
    </message>
    <message>
        <source>Move the line down</source>
        <translation>下移该行</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Sales funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation>客户关系</translation>
    </message>
    <message>
        <source>Presales</source>
        <translation>售前支持</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Customer admin</source>
        <translation>客户管理</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>电话营销</translation>
    </message>
    <message>
        <source>ERPDesk</source>
        <translation>ERPDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Company &amp;branding…</source>
        <translation>公司信息与标识(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import from Excel or CSV…</source>
        <translation>从 Excel 或 CSV 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;About ERPDesk</source>
        <translation>关于 ERPDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Not connected to the customer registry</source>
        <translation>未连接客户注册中心</translation>
    </message>
    <message>
        <source>Counting customers…</source>
        <translation>正在统计客户数…</translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation>共 1 个客户</translation>
    </message>
    <message>
        <source>{n} customers</source>
        <translation>共 {n} 个客户</translation>
    </message>
    <message>
        <source>No changes waiting to sync</source>
        <translation>没有待同步的修改</translation>
    </message>
    <message>
        <source>1 change waiting to sync</source>
        <translation>1 项修改待同步</translation>
    </message>
    <message>
        <source>{n} changes waiting to sync</source>
        <translation>{n} 项修改待同步</translation>
    </message>
    <message>
        <source>ERPDesk {version}: the offline-first workbench for ERP sales.
Customers, the sales funnel, relationships, presales and quotes.

Database: {path}
Schema version: {schema}</source>
        <translation>ERPDesk {version}：离线优先的 ERP 销售工作台。
客户、销售漏斗、客户关系、售前支持与报价。

数据库：{path}
数据库结构版本：{schema}</translation>
    </message>
    <message>
        <source>About ERPDesk</source>
        <translation>关于 ERPDesk</translation>
    </message>
</context>
<context>
    <name>MilestonesEditor</name>
    <message>
        <source>Add milestone</source>
        <translation>添加付款节点</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>No milestones: paid in full</source>
        <translation>无付款节点：一次性付清</translation>
    </message>
    <message>
        <source>Sum: —</source>
        <translation>合计：—</translation>
    </message>
    <message>
        <source>Sum: 100 % ✓</source>
        <translation>合计：100 % ✓</translation>
    </message>
    <message>
        <source>Sum: {sum} % — must be 100 %</source>
        <translation>合计：{sum} % — 必须等于 100 %</translation>
    </message>
</context>
<context>
    <name>MilestonesModel</name>
    <message>
        <source>Milestone</source>
        <translation>付款节点</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>比例 %</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Milestone {n}: “{text}” is not a percentage</source>
        <translation>付款节点 {n}：“{text}”不是百分比</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>PDF preview</source>
        <translation>PDF 预览</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>The PDF could not be read.</source>
        <translation>无法读取该 PDF。</translation>
    </message>
    <message>
        <source>The PDF could not be made.</source>
        <translation>无法生成 PDF。</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页，共 {count} 页</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}: {reason}</source>
        <translation>PDF 无法保存到 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>PdfWriter</name>
    <message>
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>Save the quote PDF</source>
        <translation>保存报价单 PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}: {reason}</source>
        <translation>PDF 无法保存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>Departments surveyed</source>
        <translation>调研部门</translation>
    </message>
    <message>
        <source>Add department</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>People interviewed</source>
        <translation>访谈对象</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Names separated by commas or 、</source>
        <translation>多个姓名用逗号或顿号分隔</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>新部门</translation>
    </message>
    <message>
        <source>Interview {row}: &quot;{value}&quot; is not a date like 2026-12-08</source>
        <translation>第 {row} 条访谈：“{value}”不是日期，格式如 2026-12-08。</translation>
    </message>
    <message>
        <source>Interview {row}: which department was interviewed?</source>
        <translation>第 {row} 条访谈：请填写访谈的部门。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming in a later version.</source>
        <translation>将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>PoolDialog</name>
    <message>
        <source>The pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>Search the pool by company name</source>
        <translation>按公司名称搜索公海</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>认领</translation>
    </message>
    <message>
        <source>Claim the selected customer</source>
        <translation>认领所选客户</translation>
    </message>
    <message>
        <source>A claimed customer is protected for you at once and arrives with the next sync. Claims count against your cap and a daily limit.</source>
        <translation>认领的客户立即受您保护，并在下次同步时到达本机。认领计入您的客户上限和每日认领次数。</translation>
    </message>
    <message>
        <source>Loading the pool…</source>
        <translation>正在加载公海…</translation>
    </message>
    <message>
        <source>No customer in the pool matches “{query}”</source>
        <translation>公海中没有与“{query}”匹配的客户</translation>
    </message>
    <message>
        <source>The pool is empty</source>
        <translation>公海中没有客户</translation>
    </message>
    <message>
        <source>{total} customers in the pool; the first {n} shown</source>
        <translation>公海中共有 {total} 个客户，显示前 {n} 个</translation>
    </message>
    <message>
        <source>{total} customers in the pool</source>
        <translation>公海中共有 {total} 个客户</translation>
    </message>
    <message>
        <source>Select a customer in the pool</source>
        <translation>请在公海中选择一个客户</translation>
    </message>
    <message>
        <source>{name} was not claimed: {reason}</source>
        <translation>未能认领 {name}：{reason}</translation>
    </message>
    <message>
        <source>{name} is now protected for you until {until}; it arrives with the next sync</source>
        <translation>{name} 现已受您保护（至 {until}），将在下次同步时到达本机</translation>
    </message>
    <message>
        <source>{name} is now protected for you; it arrives with the next sync</source>
        <translation>{name} 现已受您保护，将在下次同步时到达本机</translation>
    </message>
    <message>
        <source>The registry cannot be reached: nothing was claimed. Claim when you are online.</source>
        <translation>无法连接注册中心：未认领任何客户。请在联网时认领。</translation>
    </message>
    <message>
        <source>The registry cannot be reached: the pool is shown when you are online.</source>
        <translation>无法连接注册中心：联网后才能查看公海。</translation>
    </message>
</context>
<context>
    <name>PoolModel</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>释放时间</translation>
    </message>
    <message>
        <source>In the pool</source>
        <translation>在公海中</translation>
    </message>
    <message>
        <source>less than a day</source>
        <translation>不到 1 天</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
</context>
<context>
    <name>PoolView</name>
    <message>
        <source>Search the pool by company name</source>
        <translation>按公司名称搜索公海</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Allocate to a rep…</source>
        <translation>分配给销售…</translation>
    </message>
    <message>
        <source>Customers nobody followed up are released here. Reps claim them on their own desks, within their cap, a daily limit and a cool-down for the rep who lost the customer; you may allocate one to a rep.</source>
        <translation>无人跟进的客户会释放到这里。销售在自己的桌面上认领，受客户上限、每日认领数和原负责销售的冷却期限制；您也可以把客户分配给某位销售。</translation>
    </message>
    <message>
        <source>{total} customers in the pool; the first {n} shown</source>
        <translation>公海中共 {total} 个客户，显示前 {n} 个</translation>
    </message>
    <message>
        <source>{total} customers in the pool</source>
        <translation>公海中共 {total} 个客户</translation>
    </message>
    <message>
        <source>Select a customer in the pool</source>
        <translation>请在公海中选择一个客户</translation>
    </message>
</context>
<context>
    <name>PresalesPage</name>
    <message>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>本周日程</translation>
    </message>
    <message>
        <source>Support requests</source>
        <translation>支持申请</translation>
    </message>
    <message>
        <source>Team workload</source>
        <translation>团队负荷</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>知识库</translation>
    </message>
</context>
<context>
    <name>PresalesStatus</name>
    <message>
        <source>Presales</source>
        <translation>售前</translation>
    </message>
    <message>
        <source>Presales: {kind}, {state}</source>
        <translation>售前：{kind}，{state}</translation>
    </message>
    <message>
        <source>Consultant: {name}</source>
        <translation>售前顾问：{name}</translation>
    </message>
    <message>
        <source>Step {step}</source>
        <translation>售前步骤：{step}</translation>
    </message>
</context>
<context>
    <name>PresalesWorkbench</name>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>输</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Outcome due</source>
        <translation>待填结果</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>即将进行</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请类型</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <source>Technical win</source>
        <translation>技术选型</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>售前顾问</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
</context>
<context>
    <name>ProposalEditor</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Language of the proposal</source>
        <translation>建议书语言</translation>
    </message>
    <message>
        <source>Benefit model</source>
        <translation>效益模型</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Reset to generated</source>
        <translation>恢复自动生成的内容</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Preview PDF</source>
        <translation>预览 PDF</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Please correct the figures marked in red.</source>
        <translation>请更正标红的数据。</translation>
    </message>
    <message>
        <source>Left out of the proposal (tick it to keep it).</source>
        <translation>已从建议书中省略（勾选即可保留）。</translation>
    </message>
    <message>
        <source>Your text replaces the generated one. Blank lines separate paragraphs; lines starting with &quot;- &quot; make a bullet list, &quot;1.&quot; a numbered one.</source>
        <translation>您的文字将替换自动生成的内容。空行分隔段落；以“- ”开头的行组成项目列表，以“1.”开头的行组成编号列表。</translation>
    </message>
    <message>
        <source>The cover shows the title, the customer, the deal, our company and the date. A text of your own is printed under the title as a note.</source>
        <translation>封面显示标题、客户、商机、我方公司和日期。您自己撰写的文字将作为备注印在标题下方。</translation>
    </message>
    <message>
        <source>Generated from the customer, the deal&apos;s worksheets, the catalogue, the quote and the benefit figures. Edit it to write your own.</source>
        <translation>根据客户资料、商机分析表、产品目录、报价单和效益数据自动生成。点击“编辑”可改写为您自己的文字。</translation>
    </message>
    <message>
        <source>Your own text</source>
        <translation>您自己的文字</translation>
    </message>
    <message>
        <source>Sections ({kept} of {count})</source>
        <translation>章节（{kept}/{count}）</translation>
    </message>
    <message>
        <source>Proposal · {customer}</source>
        <translation>建议书 · {customer}</translation>
    </message>
    <message>
        <source>Solution proposal for {customer}</source>
        <translation>{customer} 解决方案建议书</translation>
    </message>
    <message>
        <source>(not saved yet)</source>
        <translation>（尚未保存）</translation>
    </message>
    <message>
        <source>Please correct the input marked in red.</source>
        <translation>请更正标红的输入。</translation>
    </message>
    <message>
        <source>Save the proposal PDF</source>
        <translation>保存建议书 PDF</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to this proposal before closing?</source>
        <translation>关闭前是否保存对此建议书的更改？</translation>
    </message>
</context>
<context>
    <name>ProposalPdfWriter</name>
    <message>
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}: {reason}</source>
        <translation>PDF 无法保存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <source>Save the proposal PDF</source>
        <translation>保存建议书 PDF</translation>
    </message>
</context>
<context>
    <name>QuestionnaireEditor</name>
    <message>
        <source>Survey questionnaires</source>
        <translation>调研问卷</translation>
    </message>
    <message>
        <source>Module:</source>
        <translation>模块：</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Question (Chinese)</source>
        <translation>问题（中文）</translation>
    </message>
    <message>
        <source>Question (English)</source>
        <translation>问题（英文）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Help (Chinese)</source>
        <translation>提示（中文）</translation>
    </message>
    <message>
        <source>Help (English)</source>
        <translation>提示（英文）</translation>
    </message>
    <message>
        <source>Kinds: text, yes_no, choice (with its choices) or number</source>
        <translation>类型：text（文本）、yes_no（是/否）、choice（单选，需填写选项）或 number（数字）</translation>
    </message>
    <message>
        <source>Reset to the file&apos;s</source>
        <translation>恢复为文件中的问卷</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Edited on this desk {when} by {who}</source>
        <translation>{who} 于 {when} 在本机修改</translation>
    </message>
    <message>
        <source>As in the questionnaires file</source>
        <translation>与问卷文件一致</translation>
    </message>
    <message>
        <source>No questionnaire yet: add its questions</source>
        <translation>尚无问卷：请添加问题</translation>
    </message>
    <message>
        <source>Question {n}</source>
        <translation>第{n}个问题</translation>
    </message>
    <message>
        <source>Reset questionnaire</source>
        <translation>恢复问卷</translation>
    </message>
    <message>
        <source>Forget this desk&apos;s changes to the questionnaire and use the file&apos;s?</source>
        <translation>放弃本机对此问卷的修改，重新使用文件中的问卷？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Discard the changes to this questionnaire?</source>
        <translation>放弃对此问卷的更改？</translation>
    </message>
</context>
<context>
    <name>QuestionnairePanel</name>
    <message>
        <source>Modules in scope (tick to survey)</source>
        <translation>调研范围内的模块（勾选即调研）</translation>
    </message>
    <message>
        <source>A module left out keeps the answers already recorded for it</source>
        <translation>未勾选的模块仍保留已记录的回答</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Call back by</source>
        <translation>回访截止</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>protected</source>
        <translation>保护中</translation>
    </message>
    <message>
        <source>{name} — {status}, {owner}, {score}% similar</source>
        <translation>{name}——{status}，{owner}，相似度 {score}%</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>立即回访</translation>
    </message>
    <message>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <source>overdue by {span}</source>
        <translation>已超期 {span}</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>剩余 {span}</translation>
    </message>
    <message>
        <source>{company} (possible duplicate)</source>
        <translation>{company}（疑似重复）</translation>
    </message>
</context>
<context>
    <name>QuoteEditor</name>
    <message>
        <source>Payment milestones</source>
        <translation>付款节点</translation>
    </message>
    <message>
        <source>Delivery terms</source>
        <translation>交付条款</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>e.g. 合同签订后 30 个工作日内完成部署与上线</source>
        <translation>例如：合同签订后 30 个工作日内完成部署与上线</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Preview PDF</source>
        <translation>预览 PDF</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Record approval…</source>
        <translation>记录审批…</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>标记为已发送</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>新建版本</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>客户已接受</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>客户已拒绝</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Lines ({n})</source>
        <translation>报价明细（{n}）</translation>
    </message>
    <message>
        <source>Payment and terms</source>
        <translation>付款与条款</translation>
    </message>
    <message>
        <source>Approvals ({n})</source>
        <translation>审批记录（{n}）</translation>
    </message>
    <message>
        <source>⚠ A discount of {discount} % is above your limit of {limit} %: a manager must approve it</source>
        <translation>⚠ 折扣 {discount} % 超出您的权限 {limit} %：需经理审批</translation>
    </message>
    <message>
        <source>Please correct the input marked in red.</source>
        <translation>请修改标红的内容。</translation>
    </message>
    <message>
        <source>Record the approval</source>
        <translation>记录审批</translation>
    </message>
    <message>
        <source>The quote cannot be marked sent yet:</source>
        <translation>报价单暂不能标记为已发送：</translation>
    </message>
    <message>
        <source>Record that the customer accepted version {version}?</source>
        <translation>确认记录客户已接受第 {version} 版吗？</translation>
    </message>
    <message>
        <source>Record that the customer declined version {version}?</source>
        <translation>确认记录客户已拒绝第 {version} 版吗？</translation>
    </message>
    <message>
        <source>Customer&apos;s answer</source>
        <translation>客户答复</translation>
    </message>
    <message>
        <source>Quote {number} · version {version}</source>
        <translation>报价单 {number} · 第 {version} 版</translation>
    </message>
    <message>
        <source>Save the quote PDF</source>
        <translation>保存报价单 PDF</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to this quote before closing?</source>
        <translation>关闭前保存对该报价单的修改吗？</translation>
    </message>
</context>
<context>
    <name>QuoteHeader</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Quote date</source>
        <translation>报价日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Printed in</source>
        <translation>打印语言</translation>
    </message>
    <message>
        <source>e.g. 集团财务与供应链一期</source>
        <translation>例如：集团财务与供应链一期</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>“{text}” is not a date (YYYY-MM-DD)</source>
        <translation>“{text}”不是日期（格式 YYYY-MM-DD）</translation>
    </message>
</context>
<context>
    <name>QuoteLinesModel</name>
    <message>
        <source>Item</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <source>VAT %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>不含税金额</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>价税合计</translation>
    </message>
    <message>
        <source>List price: {price}</source>
        <translation>目录价：{price}</translation>
    </message>
    <message>
        <source>Line {line}: “{text}” is not a number</source>
        <translation>第 {line} 行：“{text}”不是数字</translation>
    </message>
    <message>
        <source>Line {line}: the {column} is missing</source>
        <translation>第 {line} 行：缺少{column}</translation>
    </message>
</context>
<context>
    <name>QuoteListModel</name>
    <message>
        <source>Number</source>
        <translation>报价单号</translation>
    </message>
    <message>
        <source>Ver.</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total (CNY)</source>
        <translation>总额（元）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Expired: extend it in a new version</source>
        <translation>已过期：请在新版本中延长有效期</translation>
    </message>
    <message>
        <source>(expired)</source>
        <translation>（已过期）</translation>
    </message>
</context>
<context>
    <name>QuoteListPage</name>
    <message>
        <source>Find by number, customer, deal or title</source>
        <translation>按单号、客户、销售机会或标题查找</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New quote…</source>
        <translation>新建报价…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>{n} quotes</source>
        <translation>共 {n} 份报价</translation>
    </message>
    <message>
        <source>{shown} of {n} quotes</source>
        <translation>{shown} / {n} 份报价</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>报价</translation>
    </message>
</context>
<context>
    <name>QuotesPage</name>
    <message>
        <source>Quotes</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Catalogue and prices</source>
        <translation>产品目录与价格</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason or note:</source>
        <translation>原因或备注：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>At most {n} characters</source>
        <translation>最多 {n} 个字符</translation>
    </message>
    <message>
        <source>A reason is required</source>
        <translation>必须填写原因</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Register {name}</source>
        <translation>注册 {name}</translation>
    </message>
    <message>
        <source>This customer cannot be registered yet. What is missing:</source>
        <translation>该客户暂不能注册，还缺少：</translation>
    </message>
    <message>
        <source>Complete: everything registration needs is here.</source>
        <translation>信息完整：注册所需信息齐全。</translation>
    </message>
    <message>
        <source>Possibly the same company on this desk:</source>
        <translation>本机上可能是同一家公司的客户：</translation>
    </message>
    <message>
        <source>No similar customer on this desk.</source>
        <translation>本机上没有相似的客户。</translation>
    </message>
    <message>
        <source>Urgent: ask for the call-back at once</source>
        <translation>加急：请求立即回访</translation>
    </message>
    <message>
        <source>Ask for registration</source>
        <translation>申请注册</translation>
    </message>
    <message>
        <source>Checking with the customer registry…</source>
        <translation>正在向客户注册中心查重…</translation>
    </message>
    <message>
        <source>The registry knows no holder of this company.</source>
        <translation>客户注册中心中该公司无人保护。</translation>
    </message>
    <message>
        <source>The registry already protects this company for you.</source>
        <translation>客户注册中心已为您保护该公司。</translation>
    </message>
    <message>
        <source>A registration of this company is already pending.</source>
        <translation>该公司已有待审核的注册申请。</translation>
    </message>
    <message>
        <source>The registry holds similar companies: the administrator will compare them.</source>
        <translation>客户注册中心中有相似的公司：客户管理员将进行比对。</translation>
    </message>
    <message>
        <source>Protected by {owner} since {date}: a request will be refused.</source>
        <translation>自 {date} 起由 {owner} 保护：申请将被拒绝。</translation>
    </message>
    <message>
        <source>The registry could not be asked now ({reason}); it checks the request when the next sync sends it.</source>
        <translation>现在无法询问客户注册中心（{reason}）；下次同步提交申请时将由其查重。</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>客户注册</translation>
    </message>
</context>
<context>
    <name>Registration</name>
    <message>
        <source>a customer of another rep</source>
        <translation>另一位销售的客户</translation>
    </message>
    <message>
        <source>{names}, {name}</source>
        <translation>{names}、{name}</translation>
    </message>
    <message>
        <source>Possible duplicate, the administrator decides</source>
        <translation>疑似重复，待管理员判定</translation>
    </message>
    <message>
        <source>Possible duplicate, the administrator decides; similar: {names}</source>
        <translation>疑似重复，待管理员判定；相似客户：{names}</translation>
    </message>
    <message>
        <source>Protected until {date}</source>
        <translation>保护至 {date}</translation>
    </message>
    <message>
        <source>Protection ends {date}: follow up soon</source>
        <translation>保护将于 {date} 结束：请尽快跟进</translation>
    </message>
    <message>
        <source>Registration pending: sent at the next sync</source>
        <translation>注册待审核：下次同步时提交</translation>
    </message>
    <message>
        <source>Registration pending: waiting for the administrator&apos;s call-back</source>
        <translation>注册待审核：等待客户管理员回访</translation>
    </message>
    <message>
        <source>Registration rejected: {reasons}</source>
        <translation>注册被驳回：{reasons}</translation>
    </message>
    <message>
        <source>The registry refused the registration: {reasons}</source>
        <translation>客户注册中心拒绝了注册：{reasons}</translation>
    </message>
</context>
<context>
    <name>RegistrationBar</name>
    <message>
        <source>Register this customer…</source>
        <translation>注册此客户…</translation>
    </message>
</context>
<context>
    <name>RegistrationQueue</name>
    <message>
        <source>Valid…</source>
        <translation>有效…</translation>
    </message>
    <message>
        <source>The call-back confirmed the registration: protect the customer for its rep</source>
        <translation>回访确认报备有效：为该销售保护此客户</translation>
    </message>
    <message>
        <source>Invalid…</source>
        <translation>无效…</translation>
    </message>
    <message>
        <source>The registration is not valid: free the company</source>
        <translation>报备无效：释放该公司</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>{company} is now protected for {rep}</source>
        <translation>{company} 现由 {rep} 保护</translation>
    </message>
    <message>
        <source>{company} was found invalid; the company is free again</source>
        <translation>{company} 判定无效，该公司重新可报备</translation>
    </message>
    <message>
        <source>Call-back: {company} is valid</source>
        <translation>回访：{company} 有效</translation>
    </message>
    <message>
        <source>What did the call-back find? The note is kept as a call-back activity on the customer.</source>
        <translation>回访了解到什么？备注将作为回访活动记录在客户下。</translation>
    </message>
    <message>
        <source>Call-back: {company} is invalid</source>
        <translation>回访：{company} 无效</translation>
    </message>
    <message>
        <source>Why is the registration invalid? The rep is told.</source>
        <translation>报备为何无效？会告知销售。</translation>
    </message>
    <message>
        <source>Duplicate of {name}</source>
        <translation>与 {name} 重复</translation>
    </message>
    <message>
        <source>{n} waiting for a call-back, {u} urgent, {o} overdue</source>
        <translation>{n} 个待回访，{u} 个加急，{o} 个超期</translation>
    </message>
    <message>
        <source>Credit code: {uscc}</source>
        <translation>信用代码：{uscc}</translation>
    </message>
    <message>
        <source>Contacts: {contacts}</source>
        <translation>联系人：{contacts}</translation>
    </message>
    <message>
        <source>Visit: {summary}</source>
        <translation>拜访：{summary}</translation>
    </message>
    <message>
        <source>Possible duplicate of customers the registry holds:</source>
        <translation>疑似与客户注册中心已有的客户重复：</translation>
    </message>
</context>
<context>
    <name>RelatedQuotes</name>
    <message>
        <source>New quote…</source>
        <translation>新建报价…</translation>
    </message>
    <message>
        <source>No quotes yet: start one with New quote.</source>
        <translation>还没有报价：点击“新建报价”开始。</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>A todo is due</source>
        <translation>待办到期</translation>
    </message>
    <message>
        <source>{time} {title}</source>
        <translation>{time} {title}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>…还有 {count} 项</translation>
    </message>
    <message>
        <source>{count} todos are due</source>
        <translation>{count} 项待办到期</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen the deal</source>
        <translation>重新打开销售机会</translation>
    </message>
    <message>
        <source>Into stage</source>
        <translation>重新进入阶段</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Support wanted</source>
        <translation>所需支持</translation>
    </message>
    <message>
        <source>Wanted from</source>
        <translation>期望时间从</translation>
    </message>
    <message>
        <source>until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Modules in scope</source>
        <translation>涉及模块</translation>
    </message>
    <message>
        <source>Customer attendees</source>
        <translation>客户参加人员</translation>
    </message>
    <message>
        <source>What the customer cares about</source>
        <translation>客户关注点</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>No deal (the customer only)</source>
        <translation>不关联销售机会（仅客户）</translation>
    </message>
    <message>
        <source>e.g. month-end closing speed, costing by order, group consolidation</source>
        <translation>例如：月结速度、按订单核算成本、集团合并报表</translation>
    </message>
    <message>
        <source>Cancel request…</source>
        <translation>取消申请…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Submit to presales</source>
        <translation>提交售前</translation>
    </message>
    <message>
        <source>For {customer} · deal {deal}</source>
        <translation>客户：{customer} · 销售机会：{deal}</translation>
    </message>
    <message>
        <source>For {customer}</source>
        <translation>客户：{customer}</translation>
    </message>
    <message>
        <source>Support request</source>
        <translation>项目资源支持申请</translation>
    </message>
    <message>
        <source>Ask for presales support</source>
        <translation>申请售前支持</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Saved on this desk; it goes to the presales team with the next sync.</source>
        <translation>已保存在本机；下次同步时发送给售前团队。</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请修改标红的内容。</translation>
    </message>
    <message>
        <source>Cancel the support request</source>
        <translation>取消支持申请</translation>
    </message>
    <message>
        <source>Cancel this support request? The presales team will no longer work on it.</source>
        <translation>确定取消这项支持申请吗？售前团队将不再处理。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Discard the changes to this support request?</source>
        <translation>放弃对这项支持申请的修改吗？</translation>
    </message>
</context>
<context>
    <name>RequestStatusBox</name>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>售前顾问</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>售前步骤</translation>
    </message>
    <message>
        <source>Technical win</source>
        <translation>技术选型</translation>
    </message>
    <message>
        <source>Decline reason</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <source>Open engagement</source>
        <translation>打开售前工作</translation>
    </message>
    <message>
        <source>{rep}, submitted {when}</source>
        <translation>{rep}，提交于 {when}</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>售前顾问</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>期望时间</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Declined: {reason}</source>
        <translation>已拒绝：{reason}</translation>
    </message>
    <message>
        <source>The customer cares about: {text}</source>
        <translation>客户关注：{text}</translation>
    </message>
    <message>
        <source>Modules: {modules}</source>
        <translation>模块：{modules}</translation>
    </message>
    <message>
        <source>Notes: {text}</source>
        <translation>备注：{text}</translation>
    </message>
</context>
<context>
    <name>RequestsView</name>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Waiting for the lead</source>
        <translation>待负责人处理</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open engagement…</source>
        <translation>打开售前项目…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>分派…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel request…</source>
        <translation>取消申请…</translation>
    </message>
    <message>
        <source>Moves are saved on this desk at once and travel to the registry with the next sync, also when made offline; the registry checks them again then.</source>
        <translation>操作立即保存在本机，并在下次同步时发送到客户注册中心（离线操作也是如此）；届时注册中心会再次核查。</translation>
    </message>
    <message>
        <source>Your team&apos;s queue first: submitted, then accepted requests, oldest first; then the others.</source>
        <translation>先列出本团队的待办：已提交、再已受理的申请，按时间从早到晚；然后是其他申请。</translation>
    </message>
    <message>
        <source>All support requests on this desk, newest first.</source>
        <translation>本机上的全部支持申请，最新的在前。</translation>
    </message>
    <message>
        <source>The support requests assigned to you.</source>
        <translation>分派给您的支持申请。</translation>
    </message>
    <message>
        <source>The support requests you asked for.</source>
        <translation>您发起的支持申请。</translation>
    </message>
    <message>
        <source>{n} shown</source>
        <translation>显示 {n} 条</translation>
    </message>
    <message>
        <source>Re-assign…</source>
        <translation>改派…</translation>
    </message>
    <message>
        <source>the {kind} for {customer} ({deal})</source>
        <translation>{customer}（{deal}）的{kind}</translation>
    </message>
    <message>
        <source>the {kind} for {customer}</source>
        <translation>{customer}的{kind}</translation>
    </message>
    <message>
        <source>{what}: {state}</source>
        <translation>{what}：{state}</translation>
    </message>
    <message>
        <source>Cancel the support request</source>
        <translation>取消支持申请</translation>
    </message>
    <message>
        <source>Cancel {what}? A cancelled request is not worked on any more.</source>
        <translation>取消{what}？取消后的申请不再处理。</translation>
    </message>
    <message>
        <source>The request has no engagement on this desk yet; it opens when the consultant&apos;s desk syncs the assignment.</source>
        <translation>本机上该申请还没有售前项目；顾问的电脑同步到分派后会自动建立。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The window changes language at once.</source>
        <translation>界面语言立即切换。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the registry</source>
        <translation>登录客户注册中心</translation>
    </message>
    <message>
        <source>Sign in to the company&apos;s customer registry to send your changes and receive your colleagues&apos;. The desk works without it too.</source>
        <translation>登录公司的客户注册中心，以发送您的修改并接收同事的修改。不登录也可以正常使用本软件。</translation>
    </message>
    <message>
        <source>Registry address</source>
        <translation>注册中心地址</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <source>New version</source>
        <translation>新建版本</translation>
    </message>
    <message>
        <source>New quote</source>
        <translation>新报价</translation>
    </message>
    <message>
        <source>{number} · version {version}</source>
        <translation>{number} · 第 {version} 版</translation>
    </message>
    <message>
        <source>New quote: it gets its number when it is first saved.</source>
        <translation>新报价：首次保存时生成报价单号。</translation>
    </message>
    <message>
        <source>Pending approval: a discount of {discount} % is above your limit of {limit} %. Record a manager&apos;s approval before sending.</source>
        <translation>待审批：折扣 {discount} % 超出您的权限 {limit} %。发送前请记录经理的审批。</translation>
    </message>
    <message>
        <source>Last decision: rejected by {by}.</source>
        <translation>最近一次审批：{by} 已驳回。</translation>
    </message>
    <message>
        <source>Approved by {by}: ready to send.</source>
        <translation>已由 {by} 审批通过：可以发送。</translation>
    </message>
    <message>
        <source>Draft: not sent to the customer yet.</source>
        <translation>草稿：尚未发送给客户。</translation>
    </message>
    <message>
        <source>Sent on {when}: frozen, read-only. Make a new version to change it.</source>
        <translation>已于 {when} 发送：已锁定，只读。如需修改请新建版本。</translation>
    </message>
    <message>
        <source>Accepted by the customer: frozen, read-only.</source>
        <translation>客户已接受：已锁定，只读。</translation>
    </message>
    <message>
        <source>Declined by the customer: frozen, read-only.</source>
        <translation>客户已拒绝：已锁定，只读。</translation>
    </message>
    <message>
        <source>Replaced by a newer version: frozen, read-only.</source>
        <translation>已被新版本取代：已锁定，只读。</translation>
    </message>
    <message>
        <source>Expired on {date}.</source>
        <translation>已于 {date} 过期。</translation>
    </message>
</context>
<context>
    <name>StepHistory</name>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Overridden</source>
        <translation>跳过的活动</translation>
    </message>
</context>
<context>
    <name>StepMoveDialog</name>
    <message>
        <source>These required activities are not done:</source>
        <translation>以下必做活动尚未完成：</translation>
    </message>
    <message>
        <source>Move on anyway and record the override</source>
        <translation>仍然继续，并记录跳过</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>推进</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Customers held</source>
        <translation>持有客户</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>location</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>ability</source>
        <translation>能力</translation>
    </message>
    <message>
        <source>load</source>
        <translation>负荷</translation>
    </message>
    <message>
        <source>pending call-back</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>protected</source>
        <translation>保护中</translation>
    </message>
    <message>
        <source>in the pool</source>
        <translation>在公海</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>not registered</source>
        <translation>未报备</translation>
    </message>
    <message>
        <source> (holds it now)</source>
        <translation>（当前持有）</translation>
    </message>
    <message>
        <source> — at the cap</source>
        <translation> — 已达上限</translation>
    </message>
</context>
<context>
    <name>SurveyAnswers</name>
    <message>
        <source>a number, e.g. 12 or 3.5</source>
        <translation>填写数字，例如 12 或 3.5</translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation>— 未回答 —</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Answers to questions no longer in the questionnaire</source>
        <translation>问卷中已不存在的问题的回答</translation>
    </message>
    <message>
        <source>The questionnaire has no questions here.</source>
        <translation>问卷中此模块没有问题。</translation>
    </message>
    <message>
        <source>“{value}” is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
</context>
<context>
    <name>SurveyEditor</name>
    <message>
        <source>General</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>调研问卷</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>调研发现</translation>
    </message>
    <message>
        <source>After the survey</source>
        <translation>调研之后</translation>
    </message>
    <message>
        <source>Survey report PDF…</source>
        <translation>调研报告 PDF…</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记为已完成</translation>
    </message>
    <message>
        <source>Cancel survey…</source>
        <translation>取消调研…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New requirements survey · {where}</source>
        <translation>新建需求调研 · {where}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Requirements survey · {where}</source>
        <translation>需求调研 · {where}</translation>
    </message>
    <message>
        <source>Please correct what is marked in red.</source>
        <translation>请更正标红的内容。</translation>
    </message>
    <message>
        <source>The finding is now the need {id} of the deal&apos;s needs analysis.</source>
        <translation>该发现已成为商机需求分析中的需求 {id}。</translation>
    </message>
    <message>
        <source>Cancel survey</source>
        <translation>取消调研</translation>
    </message>
    <message>
        <source>Cancel this survey? A cancelled survey is not changed any more.</source>
        <translation>确定取消此次调研吗？已取消的调研不能再修改。</translation>
    </message>
    <message>
        <source>Save the survey report</source>
        <translation>保存调研报告</translation>
    </message>
    <message>
        <source>Survey report · {customer}</source>
        <translation>调研报告 · {customer}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to this survey?</source>
        <translation>是否保存对此次调研的修改？</translation>
    </message>
</context>
<context>
    <name>SurveyPdfWriter</name>
    <message>
        <source>Making the survey report…</source>
        <translation>正在生成调研报告…</translation>
    </message>
    <message>
        <source>The survey report could not be saved to {path}: {reason}</source>
        <translation>调研报告无法保存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <source>Survey report PDF</source>
        <translation>调研报告 PDF</translation>
    </message>
</context>
<context>
    <name>SurveyReport</name>
    <message>
        <source>Survey report</source>
        <translation>需求调研报告</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Sync failed: {detail}</source>
        <translation>同步失败：{detail}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sync done: {pushed} changes sent ({duplicates} already known), {conflicts} conflicts, {rejected} refused, {pulled} records received</source>
        <translation>同步完成：已发送 {pushed} 项修改（其中 {duplicates} 项已存在），{conflicts} 个冲突，{rejected} 项被拒绝，已接收 {pulled} 条记录</translation>
    </message>
    <message>
        <source>Refused by the registry and kept for later: {entity} {id}: {reason}</source>
        <translation>被注册中心拒绝，已保留待下次发送：{entity} {id}：{reason}</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {seconds} seconds off the registry&apos;s; set the right time</source>
        <translation>本机时钟与注册中心相差 {seconds} 秒；请校正时间</translation>
    </message>
    <message>
        <source>Signed in to {server} as {user}</source>
        <translation>已以 {user} 身份登录 {server}</translation>
    </message>
    <message>
        <source>Signed out of {server}</source>
        <translation>已退出 {server}</translation>
    </message>
</context>
<context>
    <name>SyncLogDialog</name>
    <message>
        <source>Sync log</source>
        <translation>同步日志</translation>
    </message>
    <message>
        <source>Recent sync activity (this session)</source>
        <translation>最近的同步活动（本次运行）</translation>
    </message>
    <message>
        <source>Changes the registry refused: they stay on this desk and are offered again at every sync</source>
        <translation>被注册中心拒绝的修改：保留在本机，每次同步时会再次发送</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Nothing happened yet in this session.</source>
        <translation>本次运行尚无同步活动。</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>最近的错误：{error}</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>正在接收</translation>
    </message>
    <message>
        <source>Syncing: {phase} {done}/{total}</source>
        <translation>同步中：{phase} {done}/{total}</translation>
    </message>
    <message>
        <source>Syncing: {phase}…</source>
        <translation>同步中：{phase}…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>The desk works without the registry; sign in to sync</source>
        <translation>不登录注册中心也可以正常使用；登录后即可同步</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>The registry cannot be reached</source>
        <translation>无法连接注册中心</translation>
    </message>
    <message>
        <source>Sync failed: {reason}</source>
        <translation>同步失败：{reason}</translation>
    </message>
    <message>
        <source>1 conflict to review</source>
        <translation>1 个冲突待处理</translation>
    </message>
    <message>
        <source>{n} conflicts to review</source>
        <translation>{n} 个冲突待处理</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>{n} changes were refused by the registry; see the sync log</source>
        <translation>{n} 项修改被注册中心拒绝；请查看同步日志</translation>
    </message>
    <message>
        <source>Up to date, last sync {time}</source>
        <translation>已是最新，上次同步 {time}</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <source>Signed in to {server} as {user}</source>
        <translation>已以 {user} 身份登录 {server}</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {seconds} seconds off the registry&apos;s</source>
        <translation>本机时钟与注册中心相差 {seconds} 秒</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <source>S&amp;ync now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Sign &amp;in to the registry…</source>
        <translation>登录注册中心(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Sync &amp;log…</source>
        <translation>同步日志(&amp;L)…</translation>
    </message>
    <message>
        <source>Review &amp;conflicts…</source>
        <translation>处理冲突(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>TaskCommonForm</name>
    <message>
        <source>Row {row} of the customer&apos;s attendees needs a name</source>
        <translation>客户参加人员第 {row} 行需要填写姓名</translation>
    </message>
    <message>
        <source>Follow-up {row} needs a text</source>
        <translation>第 {row} 项跟进事项需要填写内容</translation>
    </message>
    <message>
        <source>The due date of follow-up {row} is not a date (YYYY-MM-DD): {value}</source>
        <translation>第 {row} 项跟进事项的截止日期不是有效日期（YYYY-MM-DD）：{value}</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>标题 *</translation>
    </message>
    <message>
        <source>Time *</source>
        <translation>时间 *</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Our attendees</source>
        <translation>我方参加人员</translation>
    </message>
    <message>
        <source>Customer&apos;s attendees</source>
        <translation>客户参加人员</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Meeting room, address or link</source>
        <translation>会议室、地址或会议链接</translation>
    </message>
    <message>
        <source>User names, separated by commas</source>
        <translation>用户名，以逗号分隔</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>The consultant {name} always attends</source>
        <translation>售前顾问 {name} 始终参加</translation>
    </message>
    <message>
        <source>({hours} h {minutes:02d} min)</source>
        <translation>（{hours} 小时 {minutes:02d} 分钟）</translation>
    </message>
</context>
<context>
    <name>TelemarketingPage</name>
    <message>
        <source>Telemarketing leads</source>
        <translation>电话营销线索</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新线索</translation>
    </message>
    <message>
        <source>My leads</source>
        <translation>我的线索</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Hand over to the administrator…</source>
        <translation>移交客户管理员…</translation>
    </message>
    <message>
        <source>Enter the company&apos;s name</source>
        <translation>请输入公司名称</translation>
    </message>
    <message>
        <source>Enter a phone: the company&apos;s or the contact&apos;s</source>
        <translation>请输入电话：公司电话或联系人电话</translation>
    </message>
    <message>
        <source>Lead entered for {company}; note: the company is already held or like another</source>
        <translation>已录入 {company} 的线索；注意：该公司已被持有或与其他公司相似</translation>
    </message>
    <message>
        <source>Lead entered for {company}</source>
        <translation>已录入 {company} 的线索</translation>
    </message>
    <message>
        <source>{company} was handed over to the customer administrator</source>
        <translation>{company} 已移交客户管理员</translation>
    </message>
    <message>
        <source>Hand over {company}</source>
        <translation>移交 {company}</translation>
    </message>
    <message>
        <source>The customer administrator signs for the lead and allocates it to a rep.</source>
        <translation>客户管理员签收线索并分配给销售。</translation>
    </message>
    <message>
        <source>Select a lead to see where it stands.</source>
        <translation>选择一条线索查看其进展。</translation>
    </message>
    <message>
        <source>Outcome: {outcome} ({when})</source>
        <translation>结果：{outcome}（{when}）</translation>
    </message>
    <message>
        <source>Rep: {rep}</source>
        <translation>销售：{rep}</translation>
    </message>
    <message>
        <source>Returned: {reason}</source>
        <translation>已退回：{reason}</translation>
    </message>
    <message>
        <source>When entered, the company was already held or like another.</source>
        <translation>录入时该公司已被持有或与其他公司相似。</translation>
    </message>
    <message>
        <source>Need: {need}</source>
        <translation>需求：{need}</translation>
    </message>
</context>
<context>
    <name>TextTable</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>The next 7 days</source>
        <translation>未来7天</translation>
    </message>
    <message>
        <source>Registrations waiting</source>
        <translation>报备待答复</translation>
    </message>
    <message>
        <source>Protection expiring</source>
        <translation>保护期将到</translation>
    </message>
    <message>
        <source>Deals closing within 14 days</source>
        <translation>14天内预计成交的商机</translation>
    </message>
    <message>
        <source>Quotes awaiting approval</source>
        <translation>待审批的报价</translation>
    </message>
    <message>
        <source>Visits logged today</source>
        <translation>今天记录的拜访</translation>
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
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>调研</translation>
    </message>
    <message>
        <source>Visit logged</source>
        <translation>已记录的拜访</translation>
    </message>
    <message>
        <source>Registration waiting</source>
        <translation>报备待答复</translation>
    </message>
    <message>
        <source>Protection ends</source>
        <translation>保护期到期</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Customer · deal</source>
        <translation>客户 · 商机</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>… and {count} more: show them all</source>
        <translation>…还有 {count} 项：全部显示</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>waiting for the registry</source>
        <translation>等待总部答复</translation>
    </message>
    <message>
        <source>waiting since {date}</source>
        <translation>{date} 起待审批</translation>
    </message>
    <message>
        <source>closes {date}</source>
        <translation>{date} 成交</translation>
    </message>
    <message>
        <source>ends {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>昨天 {time}</translation>
    </message>
    <message>
        <source>tomorrow {time}</source>
        <translation>明天 {time}</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Move to</source>
        <translation>改期到</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>{count} events from {start} to {end} written to {path}</source>
        <translation>已把 {start} 至 {end} 的 {count} 个日程写入 {path}</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>新建待办…</translation>
    </message>
    <message>
        <source>Export calendar (.ics)…</source>
        <translation>导出日历（.ics）…</translation>
    </message>
    <message>
        <source>Write your open todos, the visits of the last 30 days and your demos and surveys of the next 30 days to a calendar file</source>
        <translation>把未完成的待办、最近30天的拜访和未来30天的演示与调研写入日历文件</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Nothing is due today and nothing is waiting for you.
Plan the next step with a customer:</source>
        <translation>今天没有到期的事项，也没有等待您处理的事。
和客户约好下一步吧：</translation>
    </message>
    <message>
        <source>In an hour</source>
        <translation>一小时后</translation>
    </message>
    <message>
        <source>Tomorrow 9:00</source>
        <translation>明天 9:00</translation>
    </message>
    <message>
        <source>Next Monday 9:00</source>
        <translation>下周一 9:00</translation>
    </message>
    <message>
        <source>Pick a date and time…</source>
        <translation>选择日期和时间…</translation>
    </message>
    <message>
        <source>dddd, d MMMM yyyy</source>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
    <message>
        <source>{overdue} overdue · {today} due today · {week} in the next 7 days</source>
        <translation>已逾期 {overdue} 项 · 今天到期 {today} 项 · 未来7天 {week} 项</translation>
    </message>
    <message>
        <source>Done: {title}</source>
        <translation>已完成：{title}</translation>
    </message>
    <message>
        <source>Moved to {time}: {title}</source>
        <translation>已改期到 {time}：{title}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日工作</translation>
    </message>
</context>
<context>
    <name>TodoDialog</name>
    <message>
        <source>Edit todo</source>
        <translation>编辑待办</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建待办</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>标题 *</translation>
    </message>
    <message>
        <source>Due *</source>
        <translation>到期时间 *</translation>
    </message>
    <message>
        <source>Customer *</source>
        <translation>客户 *</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>e.g. Send the revised quote</source>
        <translation>例如：发送修改后的报价</translation>
    </message>
    <message>
        <source>Type a company name, pinyin or phone</source>
        <translation>输入公司名称、拼音或电话</translation>
    </message>
    <message>
        <source>The customer of a todo stays as it is</source>
        <translation>待办的客户不能更改</translation>
    </message>
    <message>
        <source>— no deal —</source>
        <translation>— 不关联商机 —</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red.</source>
        <translation>请修改标红的字段。</translation>
    </message>
    <message>
        <source>Unsaved task</source>
        <translation>待办未保存</translation>
    </message>
    <message>
        <source>Discard this task?</source>
        <translation>放弃这条待办吗？</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Net total</source>
        <translation>不含税合计</translation>
    </message>
    <message>
        <source>VAT total</source>
        <translation>税额合计</translation>
    </message>
    <message>
        <source>Total incl. VAT</source>
        <translation>价税合计</translation>
    </message>
    <message>
        <source>In words: {words}</source>
        <translation>大写：{words}</translation>
    </message>
    <message>
        <source>Subtotals</source>
        <translation>分类小计</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>不含税</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>WeekCanvas</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <source>Export calendar (.ics)…</source>
        <translation>导出日历（.ics）…</translation>
    </message>
    <message>
        <source>Write your demos, surveys and visits of the next 30 days to a calendar file</source>
        <translation>将您未来 30 天的演示、调研和拜访写入日历文件</translation>
    </message>
    <message>
        <source>My week</source>
        <translation>我的日程</translation>
    </message>
    <message>
        <source>The team&apos;s week</source>
        <translation>团队日程</translation>
    </message>
    <message>
        <source>{start} – {end} · {count} tasks</source>
        <translation>{start} – {end} · {count} 项任务</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>Cannot write the calendar {path} ({detail})</source>
        <translation>无法写入日历 {path}（{detail}）</translation>
    </message>
    <message>
        <source>{count} demos, surveys and visits from {start} to {end} written to {path}</source>
        <translation>已将 {start} 至 {end} 的 {count} 项演示、调研和拜访写入 {path}</translation>
    </message>
</context>
<context>
    <name>WorkbenchView</name>
    <message>
        <source>Open engagements</source>
        <translation>进行中的售前工作</translation>
    </message>
    <message>
        <source>Planned tasks</source>
        <translation>计划中的任务</translation>
    </message>
    <message>
        <source>Overdue demos</source>
        <translation>逾期演示</translation>
    </message>
    <message>
        <source>Demos in the next 7 days</source>
        <translation>未来7天的演示</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <source>The team&apos;s work</source>
        <translation>团队的工作</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>售前工作</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Any technical win</source>
        <translation>全部技术选型</translation>
    </message>
    <message>
        <source>Technical win open</source>
        <translation>技术选型：进行中</translation>
    </message>
    <message>
        <source>Technical win won</source>
        <translation>技术选型：赢</translation>
    </message>
    <message>
        <source>Technical win lost</source>
        <translation>技术选型：输</translation>
    </message>
    <message>
        <source>Demos and surveys</source>
        <translation>演示和调研</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
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
        <source>Overdue and upcoming demos</source>
        <translation>逾期和即将进行的演示</translation>
    </message>
    <message>
        <source>{count} shown</source>
        <translation>显示 {count} 条</translation>
    </message>
</context>
<context>
    <name>WorkloadModel</name>
    <message>
        <source>Consultant</source>
        <translation>售前顾问</translation>
    </message>
    <message>
        <source>Open engagements</source>
        <translation>进行中的售前工作</translation>
    </message>
    <message>
        <source>Tasks this week</source>
        <translation>本周任务</translation>
    </message>
    <message>
        <source>Tasks next week</source>
        <translation>下周任务</translation>
    </message>
    <message>
        <source>Demos this week</source>
        <translation>本周演示</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>技术赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>技术丢单</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Load (two weeks)</source>
        <translation>负荷（两周）</translation>
    </message>
</context>
<context>
    <name>WorkloadView</name>
    <message>
        <source>Per consultant: open engagements, planned demos and surveys this week and next, and the technical wins of their engagements. The bar shows the planned tasks of the two weeks.</source>
        <translation>按售前顾问统计：进行中的售前工作、本周和下周计划的演示和调研，以及其售前工作的技术选型结果。条形图显示两周内计划的任务数。</translation>
    </message>
    <message>
        <source>The team&apos;s workload is for the presales lead and the managers. Your own engagements and tasks are under My work.</source>
        <translation>团队负荷仅供售前负责人和经理查看。您自己的售前工作和任务请在“我的工作”中查看。</translation>
    </message>
</context>
<context>
    <name>Worksheet</name>
    <message>
        <source>One item a line</source>
        <translation>每行一项</translation>
    </message>
    <message>
        <source>Amount in CNY</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Total {total} of {maximum} ({percent} %)</source>
        <translation>总分 {total} / {maximum}（{percent} %）</translation>
    </message>
    <message>
        <source>Verdict: {verdict}</source>
        <translation>结论：{verdict}</translation>
    </message>
    <message>
        <source>Refresh from the deals</source>
        <translation>从销售机会刷新</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a date (YYYY-MM-DD)</source>
        <translation>“{value}”不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Some fields need correcting (marked in red).</source>
        <translation>有字段需要修正（已标红）。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Discard the changes to this worksheet?</source>
        <translation>放弃对该分析表的修改吗？</translation>
    </message>
</context>
</TS>
