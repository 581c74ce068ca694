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
        <source>Quotes ({n})</source>
        <translation>报价（{n}）</translation>
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
        <source>Quotes ({n})</source>
        <translation>报价（{n}）</translation>
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
    <name>PlaceholderPage</name>
    <message>
        <source>Coming in a later version.</source>
        <translation>将在后续版本中提供。</translation>
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
