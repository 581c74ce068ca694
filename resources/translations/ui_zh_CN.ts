<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <translation>预计金额(元)</translation>
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
        <translation>还没有销售机会:点击“新建销售机会”开始。</translation>
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
        <translation>销售机会 ({n})</translation>
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
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Delete the customer {name} with its contacts and activities?</source>
        <translation>删除客户 {name} 及其联系人和跟进记录？</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
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
        <translation>预计金额(元)</translation>
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
        <translation>放弃对该销售机会的修改吗?</translation>
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
        <translation>{stage}(已关闭:{status})</translation>
    </message>
    <message>
        <source>{probability} (overridden: {reason})</source>
        <translation>{probability}(已调整:{reason})</translation>
    </message>
    <message>
        <source>Lost: {reason}</source>
        <translation>丢单原因:{reason}</translation>
    </message>
    <message>
        <source>won by {competitor}</source>
        <translation>赢单方:{competitor}</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Worksheets ({n})</source>
        <translation>分析表 ({n})</translation>
    </message>
    <message>
        <source>Activities ({n})</source>
        <translation>跟进记录 ({n})</translation>
    </message>
    <message>
        <source>Stage history ({n})</source>
        <translation>阶段历史 ({n})</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>(可选)</translation>
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
        <translation>必填但缺少:{names}</translation>
    </message>
    <message>
        <source>✓ Every required worksheet so far is there</source>
        <translation>✓ 目前所有必填分析表均已完成</translation>
    </message>
    <message>
        <source>{reason} (overridden: {items})</source>
        <translation>{reason}(越过:{items})</translation>
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
    <name>MainWindow</name>
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
        <source>About ERPDesk</source>
        <translation>关于 ERPDesk</translation>
    </message>
    <message>
        <source>ERPDesk: the offline-first workbench for ERP sales.
Customers, the sales funnel, relationships, presales and quotes.</source>
        <translation>ERPDesk：离线优先的 ERP 销售工作台。
客户、销售漏斗、客户关系、售前支持与报价。</translation>
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
    <name>Worksheet</name>
    <message>
        <source>One item a line</source>
        <translation>每行一项</translation>
    </message>
    <message>
        <source>Amount in CNY</source>
        <translation>金额(元)</translation>
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
        <translation>总分 {total} / {maximum}({percent} %)</translation>
    </message>
    <message>
        <source>Verdict: {verdict}</source>
        <translation>结论:{verdict}</translation>
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
        <translation>“{value}”不是日期(YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>Some fields need correcting (marked in red).</source>
        <translation>有字段需要修正(已标红)。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Discard the changes to this worksheet?</source>
        <translation>放弃对该分析表的修改吗?</translation>
    </message>
</context>
</TS>
