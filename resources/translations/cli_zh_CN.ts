<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Cli</source>
        <translation>Cli</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>There is no database at {path}</source>
        <translation>{path} 处没有数据库</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name or add --force to replace it</source>
        <translation>{path} 已存在；请换一个文件名，或加上 --force 覆盖它</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name</source>
        <translation>{path} 是一个文件夹；请给出文件名</translation>
    </message>
    <message>
        <source>A database cannot be backed up onto itself</source>
        <translation>不能把数据库备份到它自身</translation>
    </message>
    <message>
        <source>The database {path} is up to date (schema {revision}); nothing to do</source>
        <translation>数据库 {path} 已是最新（结构版本 {revision}），无需升级</translation>
    </message>
    <message>
        <source>Created the tables of schema {revision} in {path}</source>
        <translation>已在 {path} 中创建结构版本 {revision} 的数据表</translation>
    </message>
    <message>
        <source>Upgraded {path} from schema {before} to {after}</source>
        <translation>已将 {path} 从结构版本 {before} 升级到 {after}</translation>
    </message>
    <message>
        <source>The database as it was is saved in {backup}</source>
        <translation>升级前的数据库已备份为 {backup}</translation>
    </message>
    <message>
        <source>Backed up {path} to {target}</source>
        <translation>已将 {path} 备份到 {target}</translation>
    </message>
    <message>
        <source>The backup holds {customers} customers, {contacts} contacts, {activities} activities and {outbox} sync operations waiting</source>
        <translation>备份中有 {customers} 个客户、{contacts} 个联系人、{activities} 条活动记录，以及 {outbox} 项待同步的操作</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>Size: {size} MB</source>
        <translation>大小：{size} MB</translation>
    </message>
    <message>
        <source>Schema: {revision} (newest: {head})</source>
        <translation>结构版本：{revision}（最新：{head}）</translation>
    </message>
    <message>
        <source>The database is from an older ERPDesk; run: erpdesk db upgrade</source>
        <translation>该数据库来自旧版 ERPDesk；请运行：erpdesk db upgrade</translation>
    </message>
    <message>
        <source>Customers: {customers}; contacts: {contacts}; activities: {activities}</source>
        <translation>客户：{customers}；联系人：{contacts}；活动记录：{activities}</translation>
    </message>
    <message>
        <source>Changes waiting to be synced: {outbox}</source>
        <translation>待同步的更改：{outbox}</translation>
    </message>
    <message>
        <source>Device id: {device}</source>
        <translation>设备标识：{device}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The database {path} is sound: SQLite&apos;s {check} found no problem</source>
        <translation>数据库 {path} 完好：SQLite 的{check}未发现问题</translation>
    </message>
    <message>
        <source>integrity check</source>
        <translation>完整性检查</translation>
    </message>
    <message>
        <source>quick check</source>
        <translation>快速检查</translation>
    </message>
    <message>
        <source>There is no backup of {path} beside it; give the backup file: erpdesk db restore FILE</source>
        <translation>{path} 旁边没有它的备份；请指定备份文件：erpdesk db restore FILE</translation>
    </message>
    <message>
        <source>The database {path} is sound; add --force to replace it with the backup anyway</source>
        <translation>数据库 {path} 完好；如仍要用备份替换它，请加 --force</translation>
    </message>
    <message>
        <source>Restored {path} from {backup}; the file it replaced is kept as {aside}</source>
        <translation>已用 {backup} 恢复 {path}；被替换的文件保存为 {aside}</translation>
    </message>
    <message>
        <source>The number of customers must be between 1 and {max}, not {value}</source>
        <translation>客户数量必须在 1 到 {max} 之间，而不是 {value}</translation>
    </message>
    <message>
        <source>{option} must be between 0 and {max}, not {value}</source>
        <translation>{option} 必须在 0 到 {max} 之间，而不是 {value}</translation>
    </message>
    <message>
        <source>Generating demo data</source>
        <translation>正在生成演示数据</translation>
    </message>
    <message>
        <source>Added {customers} demo customers with {contacts} contacts and {activities} activities to {path} in {seconds} s (seed {seed})</source>
        <translation>已向 {path} 添加 {customers} 个演示客户、{contacts} 个联系人和 {activities} 条活动记录，用时 {seconds} 秒（随机种子 {seed}）</translation>
    </message>
    <message>
        <source>Created the demo database {path}: {customers} customers with {contacts} contacts and {activities} activities in {seconds} s (seed {seed})</source>
        <translation>已创建演示数据库 {path}：{customers} 个客户、{contacts} 个联系人和 {activities} 条活动记录，用时 {seconds} 秒（随机种子 {seed}）</translation>
    </message>
    <message>
        <source>Replaced {path} by a demo database of {customers} customers with {contacts} contacts and {activities} activities in {seconds} s (seed {seed})</source>
        <translation>已用新的演示数据库替换 {path}：{customers} 个客户、{contacts} 个联系人和 {activities} 条活动记录，用时 {seconds} 秒（随机种子 {seed}）</translation>
    </message>
    <message>
        <source>The database {path} already holds {customers} customers; it was kept as it is</source>
        <translation>数据库 {path} 已有 {customers} 个客户，保持不变</translation>
    </message>
    <message>
        <source>Demo deals: {deals} ({open} open, {won} closed won, {lost} closed lost) with {worksheets} worksheets</source>
        <translation>演示商机：{deals} 个（进行中 {open} 个，赢单 {won} 个，丢单 {lost} 个），分析表 {worksheets} 张</translation>
    </message>
    <message>
        <source>Demo quotes: {quotes} versions of quotes for {deals} deals</source>
        <translation>演示报价单：为 {deals} 个商机生成了 {quotes} 个报价单版本</translation>
    </message>
    <message>
        <source>Demo presales: {requests} support requests, {engagements} engagements and {tasks} tasks (demos and surveys)</source>
        <translation>演示售前数据：{requests} 个项目资源支持申请、{engagements} 个售前工作和 {tasks} 个任务（DEMO演示和需求调研）</translation>
    </message>
    <message>
        <source>The desk acts as {user} ({role}) until someone signs in to a registry.</source>
        <translation>在登录客户注册中心之前，本工作台以 {user}（{role}）的身份工作。</translation>
    </message>
    <message>
        <source>presales consultant</source>
        <translation>售前顾问</translation>
    </message>
    <message>
        <source>presales lead</source>
        <translation>售前负责人</translation>
    </message>
    <message>
        <source>Demo customers are never sent to the registry (no sync operations were queued)</source>
        <translation>演示客户永远不会提交到客户注册中心（未生成任何待同步操作）</translation>
    </message>
    <message>
        <source>Interrupted; nothing was saved</source>
        <translation>已中断，未保存任何内容</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>警告：{text}</translation>
    </message>
    <message>
        <source>Row {row} ({name}): {reason}</source>
        <translation>第 {row} 行（{name}）：{reason}</translation>
    </message>
    <message>
        <source>Row {row} ({name}) is already in the database as {existing}; skipped</source>
        <translation>第 {row} 行（{name}）已在数据库中，即“{existing}”；已跳过</translation>
    </message>
    <message>
        <source>Row {row} ({name}) is the same customer as row {existing_row} ({existing}); skipped</source>
        <translation>第 {row} 行（{name}）与第 {existing_row} 行（{existing}）是同一客户；已跳过</translation>
    </message>
    <message>
        <source>Row {row} ({name}) has the name of several customers with different credit codes ({existing}); not imported: add its credit code to the file to say which one it is</source>
        <translation>第 {row} 行（{name}）与多个统一社会信用代码不同的客户同名（{existing}）；未导入：请在文件中填写其统一社会信用代码，以指明是哪一家</translation>
    </message>
    <message>
        <source>Row {row} ({name}) has the same name as {existing} but another credit code ({existing_uscc}); imported as another company: check it</source>
        <translation>第 {row} 行（{name}）与 {existing} 名称相同，但统一社会信用代码不同（{existing_uscc}）；已作为另一家公司导入，请核实</translation>
    </message>
    <message>
        <source>Row {row} ({name}) may be {existing} (the region is on one side only, or one lies within the other); imported as a new customer: check it</source>
        <translation>第 {row} 行（{name}）可能就是 {existing}（只有一方写了地区，或一方的地区位于另一方的地区之内）；已作为新客户导入，请核实</translation>
    </message>
    <message>
        <source>row {row} ({name})</source>
        <translation>第 {row} 行（{name}）</translation>
    </message>
    <message>
        <source>{count} of the new customers may be customers already known (listed above); they were not merged: check them</source>
        <translation>新导入的客户中有 {count} 个可能是已有客户（见上文），未与其合并，请核实</translation>
    </message>
    <message>
        <source>Imported {imported} new customers from {path}; merged {merged} rows into existing customers; skipped {duplicates} duplicates; rejected {rejected} rows</source>
        <translation>已从 {path} 导入 {imported} 个新客户；{merged} 行已合并到现有客户；跳过 {duplicates} 个重复客户；拒绝 {rejected} 行</translation>
    </message>
    <message>
        <source>Nothing was imported: {rejected} of {rows} rows have problems. Correct them and import again, or import the valid rows with --partial</source>
        <translation>未导入任何数据：{rows} 行中有 {rejected} 行存在问题。请修正后重新导入，或使用 --partial 只导入有效的行</translation>
    </message>
    <message>
        <source>Exported {count} customers to {path}</source>
        <translation>已将 {count} 个客户导出到 {path}</translation>
    </message>
    <message>
        <source>Imported {imported} new deals from {path}; skipped {duplicates} duplicates; rejected {rejected} rows</source>
        <translation>已从 {path} 导入 {imported} 个新商机；跳过 {duplicates} 个重复商机；拒绝 {rejected} 行</translation>
    </message>
    <message>
        <source>Row {row} ({name}): the customer already has the deal {existing}; skipped</source>
        <translation>第 {row} 行（{name}）：该客户已有商机“{existing}”；已跳过</translation>
    </message>
    <message>
        <source>Row {row} ({name}) is the same deal as row {existing_row} ({existing}); skipped</source>
        <translation>第 {row} 行（{name}）与第 {existing_row} 行（{existing}）是同一商机；已跳过</translation>
    </message>
    <message>
        <source>Importing deals</source>
        <translation>正在导入商机</translation>
    </message>
    <message>
        <source>Exported {count} deals to {path}</source>
        <translation>已将 {count} 个商机导出到 {path}</translation>
    </message>
    <message>
        <source>Exporting the pipeline</source>
        <translation>正在导出销售管道</translation>
    </message>
    <message>
        <source>Exporting customers</source>
        <translation>正在导出客户</translation>
    </message>
    <message>
        <source>Importing customers</source>
        <translation>正在导入客户</translation>
    </message>
    <message>
        <source>{path} holds {count} changes not yet synced, so it is not only demo data; it was not replaced</source>
        <translation>{path} 中有 {count} 项尚未同步的更改，不只是演示数据，因此没有替换它</translation>
    </message>
    <message>
        <source>{path} is open in another program (ERPDesk?); close it and try again</source>
        <translation>{path} 正被另一个程序（ERPDesk？）打开；请先关闭它再重试</translation>
    </message>
    <message>
        <source>{path} was created by another program while the demo data was made; it was kept</source>
        <translation>生成演示数据期间，另一个程序创建了 {path}；已保留该文件</translation>
    </message>
    <message>
        <source>Deal review of {deal} written to {path} ({pages} pages)</source>
        <translation>已将销售机会“{deal}”的评审报告写入 {path}（共 {pages} 页）</translation>
    </message>
    <message>
        <source>The output file must end in .pdf: {path}</source>
        <translation>输出文件必须以 .pdf 结尾：{path}</translation>
    </message>
    <message>
        <source>The folder {path} does not exist</source>
        <translation>文件夹 {path} 不存在</translation>
    </message>
    <message>
        <source>OK: {name} {version}, {stages} stages, {worksheets} worksheets</source>
        <translation>OK：{name} {version}，{stages} 个阶段，{worksheets} 张分析表</translation>
    </message>
    <message>
        <source>Playbook: {name} ({key}), file {path}</source>
        <translation>销售手册：{name}（{key}），文件 {path}</translation>
    </message>
    <message>
        <source>Stage {number}: {name} ({code}), probability {probability}%</source>
        <translation>阶段 {number}：{name}（{code}），成功率 {probability}%</translation>
    </message>
    <message>
        <source>Worksheets: {worksheets}</source>
        <translation>分析表：{worksheets}</translation>
    </message>
    <message>
        <source>Required at the gate: {worksheets}</source>
        <translation>阶段关口要求：{worksheets}</translation>
    </message>
    <message>
        <source>Exit criterion: {text}</source>
        <translation>退出标准：{text}</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>（可选）</translation>
    </message>
    <message>
        <source>The {count} worksheet templates:</source>
        <translation>{count} 张分析表模板：</translation>
    </message>
    <message>
        <source>Sales funnel (amounts in {currency})</source>
        <translation>销售漏斗（金额单位：{currency}）</translation>
    </message>
    <message>
        <source>Sales funnel of {owner} (amounts in {currency})</source>
        <translation>{owner}的销售漏斗（金额单位：{currency}）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>商机数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
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
        <source>Open deals</source>
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
        <source>No deals yet: create one from a customer, or run erpdesk demo</source>
        <translation>还没有商机：请从客户处新建商机，或运行 erpdesk demo</translation>
    </message>
    <message>
        <source>Proposal for {customer} written to {path} ({pages} pages)</source>
        <translation>{customer}的建议书已写入 {path}（共 {pages} 页）</translation>
    </message>
    <message>
        <source>The proposal for {customer} is saved</source>
        <translation>{customer}的建议书已保存</translation>
    </message>
    <message>
        <source>Write each benefit figure as KEY=VALUE, not &quot;{value}&quot;</source>
        <translation>每项效益数据请写成 KEY=VALUE 的形式，而不是&quot;{value}&quot;</translation>
    </message>
    <message>
        <source>Write --text as SECTION=FILE, not &quot;{value}&quot;</source>
        <translation>--text 请写成 SECTION=FILE 的形式，而不是&quot;{value}&quot;</translation>
    </message>
    <message>
        <source>The file {path} cannot be read as UTF-8 text</source>
        <translation>文件 {path} 无法按 UTF-8 文本读取</translation>
    </message>
    <message>
        <source>There is no proposal section &quot;{section}&quot;; the sections are: {known}</source>
        <translation>建议书没有&quot;{section}&quot;这一章节；可用的章节有：{known}</translation>
    </message>
    <message>
        <source>Nothing to change: give --benefit, --exclude, --include, --text, --reset, --title, --language or --years</source>
        <translation>没有要修改的内容：请给出 --benefit、--exclude、--include、--text、--reset、--title、--language 或 --years</translation>
    </message>
    <message>
        <source>Proposal: {title}</source>
        <translation>建议书：{title}</translation>
    </message>
    <message>
        <source>Customer: {customer}</source>
        <translation>客户：{customer}</translation>
    </message>
    <message>
        <source>Deal: {deal}</source>
        <translation>销售机会：{deal}</translation>
    </message>
    <message>
        <source>Language: {language}; dated {date}</source>
        <translation>语言：{language}；日期 {date}</translation>
    </message>
    <message>
        <source>Not saved yet: every section below is generated from the deal and its worksheets</source>
        <translation>尚未保存：以下各章节均根据销售机会及其分析表自动生成</translation>
    </message>
    <message>
        <source>Left out: {sections}</source>
        <translation>已排除：{sections}</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>（已修改）</translation>
    </message>
    <message>
        <source>Annual benefit {annual}; net {net}; investment {investment}; return on investment over {years} years {roi}; payback {payback}</source>
        <translation>年度效益 {annual}；净效益 {net}；投资 {investment}；{years} 年投资回报率 {roi}；投资回收期 {payback}</translation>
    </message>
    <message>
        <source>No benefit figures yet: set them with erpdesk proposal set TARGET --benefit KEY=VALUE</source>
        <translation>尚未填写效益数据：请用 erpdesk proposal set TARGET --benefit KEY=VALUE 设置</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months} 个月</translation>
    </message>
    <message>
        <source>{value} is not a date; write it as 2026-12-31</source>
        <translation>{value} 不是日期；请写成 2026-12-31 的格式</translation>
    </message>
    <message>
        <source>{value} is not a percentage; write it as 12.5</source>
        <translation>{value} 不是百分比；请写成 12.5 的格式</translation>
    </message>
    <message>
        <source>{value} is not a quote status; use one of: {choices}</source>
        <translation>{value} 不是报价单状态；可选：{choices}</translation>
    </message>
    <message>
        <source>The catalogue file must end in .xlsx: {path}</source>
        <translation>产品目录文件须以 .xlsx 结尾：{path}</translation>
    </message>
    <message>
        <source>Quote {number}, version {version} ({status})</source>
        <translation>报价单 {number} 第 {version} 版（{status}）</translation>
    </message>
    <message>
        <source>Customer: {customer}   Deal: {deal}</source>
        <translation>客户：{customer}   商机：{deal}</translation>
    </message>
    <message>
        <source>Dated {date}, valid until {valid_until}; prices {mode}; author {author}</source>
        <translation>报价日期 {date}，有效期至 {valid_until}；价格{mode}；制单人 {author}</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>品名/描述</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>税率</translation>
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
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>In words: {words}</source>
        <translation>大写金额：{words}</translation>
    </message>
    <message>
        <source>Milestone {name}: {percent}% = {amount} ({due})</source>
        <translation>付款节点 {name}：{percent}% = {amount}（{due}）</translation>
    </message>
    <message>
        <source>{at}: {by} asked for approval of a {discount}% discount</source>
        <translation>{at}：{by} 申请审批 {discount}% 的折扣</translation>
    </message>
    <message>
        <source>{at}: {by} {decision} ({note})</source>
        <translation>{at}：{by} {decision}（{note}）</translation>
    </message>
    <message>
        <source>A discount is above your limit of {limit}%: a manager must approve it before sending</source>
        <translation>有折扣超出您 {limit}% 的折扣权限：须经经理审批后才能发送</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Ver.</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>{value} is not a support request state; use one of: {choices}</source>
        <translation>{value} 不是支持申请的状态；请使用以下之一：{choices}</translation>
    </message>
    <message>
        <source>--days must be 1 to {max}, not {value}</source>
        <translation>--days 须为 1 至 {max}，而不是 {value}</translation>
    </message>
    <message>
        <source>The output file must end in .ics: {path}</source>
        <translation>输出文件须以 .ics 结尾：{path}</translation>
    </message>
    <message>
        <source>No support requests</source>
        <translation>没有支持申请</translation>
    </message>
    <message>
        <source>{count} demos, surveys and visits from {start} to {end} written to {path}</source>
        <translation>已将 {start} 至 {end} 的 {count} 项演示、调研和拜访写入 {path}</translation>
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
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>售前顾问</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Technical win</source>
        <translation>技术赢单情况</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>期望时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>(expired)</source>
        <translation>（已过期）</translation>
    </message>
    <message>
        <source>No quotes yet: make one with erpdesk quote new</source>
        <translation>还没有报价单：请用 erpdesk quote new 新建</translation>
    </message>
    <message>
        <source>Made version {version} of quote {number} ({status})</source>
        <translation>已新建报价单 {number} 第 {version} 版（{status}）</translation>
    </message>
    <message>
        <source>{by} approved version {version} of quote {number}</source>
        <translation>{by} 已批准报价单 {number} 第 {version} 版</translation>
    </message>
    <message>
        <source>{by} rejected the discount of quote {number}, version {version}</source>
        <translation>{by} 已驳回报价单 {number} 第 {version} 版的折扣</translation>
    </message>
    <message>
        <source>Quote {number}, version {version} is marked as sent</source>
        <translation>报价单 {number} 第 {version} 版已标记为已发送</translation>
    </message>
    <message>
        <source>Quote {number}, version {version}: {status}</source>
        <translation>报价单 {number} 第 {version} 版：{status}</translation>
    </message>
    <message>
        <source>Quote {number}, version {version} written to {path}</source>
        <translation>报价单 {number} 第 {version} 版已写入 {path}</translation>
    </message>
    <message>
        <source>Rep code {rep_code} (quote numbers Q-{rep_code}-YYYYMMDD-NNN); discount limit {limit}%; quotes valid for {days} days</source>
        <translation>销售代码 {rep_code}（报价单编号 Q-{rep_code}-YYYYMMDD-NNN）；折扣权限 {limit}%；报价有效期 {days} 天</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Catalogue {version}: {items} items; price list {price_list} (prices in CNY)</source>
        <translation>产品目录 {version}：{items} 个产品；价目表 {price_list}（价格单位：人民币元）</translation>
    </message>
    <message>
        <source>none for today</source>
        <translation>今日无有效价目表</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Imported the catalogue {version} ({items} items) from {path}; it replaces the one in use</source>
        <translation>已从 {path} 导入产品目录 {version}（{items} 个产品），替换当前使用的目录</translation>
    </message>
    <message>
        <source>Exported the catalogue {version} to {path}</source>
        <translation>已将产品目录 {version} 导出到 {path}</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>驳回</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>No password on standard input</source>
        <translation>标准输入中没有密码</translation>
    </message>
    <message>
        <source>No terminal to ask for the password; use --password-stdin</source>
        <translation>没有终端可以输入密码；请使用 --password-stdin</translation>
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
        <source>Signed in to {server} as {user} ({role})</source>
        <translation>已以 {user}（{role}）身份登录 {server}</translation>
    </message>
    <message>
        <source>Signed out of {server}</source>
        <translation>已退出 {server}</translation>
    </message>
    <message>
        <source>Not signed in: run erpdesk login --server URL --user NAME first</source>
        <translation>未登录：请先运行 erpdesk login --server URL --user NAME</translation>
    </message>
    <message>
        <source>No sign-in for {user} on {server}: run erpdesk login, or sync with --password-stdin</source>
        <translation>{user} 在 {server} 上没有登录凭据：请运行 erpdesk login，或使用 --password-stdin 同步</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>正在发送修改</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>正在接收修改</translation>
    </message>
    <message>
        <source>Sync done: {pushed} changes sent ({duplicates} already known), {conflicts} conflicts, {rejected} refused, {pulled} records received</source>
        <translation>同步完成：已发送 {pushed} 条修改（其中 {duplicates} 条已存在），{conflicts} 个冲突，{rejected} 条被拒绝，已接收 {pulled} 条记录</translation>
    </message>
    <message>
        <source>Refused by the registry and kept for later: {entity} {id}: {reason}</source>
        <translation>被客户登记中心拒绝，已保留待以后处理：{entity} {id}：{reason}</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {seconds} seconds off the registry&apos;s; set the right time</source>
        <translation>本机时钟与客户登记中心相差 {seconds} 秒；请校正时间</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>状态：{state}</translation>
    </message>
    <message>
        <source>Server: {server}</source>
        <translation>服务器：{server}</translation>
    </message>
    <message>
        <source>User: {user}</source>
        <translation>用户：{user}</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: {pending_ops}</source>
        <translation>待发送的修改：{pending_ops}</translation>
    </message>
    <message>
        <source>Last received: {last_pull}</source>
        <translation>上次接收：{last_pull}</translation>
    </message>
    <message>
        <source>Conflicts to review: {conflicts}</source>
        <translation>待处理的冲突：{conflicts}</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>上次错误：{error}</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <source>changes waiting</source>
        <translation>有待发送的修改</translation>
    </message>
    <message>
        <source>conflicts to review</source>
        <translation>有待处理的冲突</translation>
    </message>
    <message>
        <source>error</source>
        <translation>出错</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>The file {path} cannot be imported</source>
        <translation>无法导入文件 {path}</translation>
    </message>
    <message>
        <source>The file {path} does not exist</source>
        <translation>文件 {path} 不存在</translation>
    </message>
    <message>
        <source>The file {path} cannot be read ({detail})</source>
        <translation>无法读取文件 {path}（{detail}）</translation>
    </message>
    <message>
        <source>The file {path} is empty</source>
        <translation>文件 {path} 是空的</translation>
    </message>
    <message>
        <source>The file {path} is not a CSV or XLSX file; save it from Excel as one of them</source>
        <translation>文件 {path} 不是 CSV 或 XLSX 文件；请在 Excel 中另存为其中一种格式</translation>
    </message>
    <message>
        <source>The file {path} is an old .xls or a password-protected workbook; save it from Excel as .xlsx or CSV without a password</source>
        <translation>文件 {path} 是旧版 .xls 或设有密码的工作簿；请在 Excel 中另存为不带密码的 .xlsx 或 CSV</translation>
    </message>
    <message>
        <source>The file {path} is not a readable XLSX workbook ({detail})</source>
        <translation>文件 {path} 不是可读取的 XLSX 工作簿（{detail}）</translation>
    </message>
    <message>
        <source>The file {path} is neither UTF-8 nor GBK/GB18030 text; save it as CSV UTF-8 and try again</source>
        <translation>文件 {path} 既不是 UTF-8 也不是 GBK/GB18030 编码的文本；请另存为“CSV UTF-8”后重试</translation>
    </message>
    <message>
        <source>The file {path} is not valid CSV ({detail})</source>
        <translation>文件 {path} 不是有效的 CSV（{detail}）</translation>
    </message>
    <message>
        <source>The file {path} has no column of customer names (客户名称 or name); its header row holds: {columns}</source>
        <translation>文件 {path} 没有客户名称列（客户名称或 name）；其表头为：{columns}</translation>
    </message>
    <message>
        <source>The file {path} has a header row but no customers</source>
        <translation>文件 {path} 只有表头，没有客户数据</translation>
    </message>
    <message>
        <source>The columns {first} and {second} mean the same thing; keep one of them</source>
        <translation>“{first}”列和“{second}”列含义相同；请只保留其中一列</translation>
    </message>
    <message>
        <source>These columns were not imported (unknown headers): {columns}</source>
        <translation>以下列未导入（无法识别的表头）：{columns}</translation>
    </message>
    <message>
        <source>{value} is not one of: {choices}</source>
        <translation>“{value}”不是以下之一：{choices}</translation>
    </message>
    <message>
        <source>{column}: {problem}</source>
        <translation>{column}：{problem}</translation>
    </message>
    <message>
        <source>Cannot export to {path}: the file name must end in .csv or .xlsx</source>
        <translation>无法导出到 {path}：文件名必须以 .csv 或 .xlsx 结尾</translation>
    </message>
    <message>
        <source>Cannot write {path} ({detail})</source>
        <translation>无法写入 {path}（{detail}）</translation>
    </message>
    <message>
        <source>The file {path} has no column of customers (客户名称 or customer, or 统一社会信用代码 or uscc); its header row holds: {columns}</source>
        <translation>文件 {path} 没有客户列（客户名称或 customer，或统一社会信用代码或 uscc）；其表头为：{columns}</translation>
    </message>
    <message>
        <source>The file {path} has no column of deal names (商机名称 or name); its header row holds: {columns}</source>
        <translation>文件 {path} 没有商机名称列（商机名称或 name）；其表头为：{columns}</translation>
    </message>
    <message>
        <source>The file {path} has a header row but no deals</source>
        <translation>文件 {path} 只有表头，没有商机</translation>
    </message>
    <message>
        <source>The customer is missing: give its name or its credit code</source>
        <translation>缺少客户：请填写客户名称或统一社会信用代码</translation>
    </message>
    <message>
        <source>There is no customer {name}; add the customer first, then import its deals</source>
        <translation>没有名为 {name} 的客户；请先添加该客户，再导入其商机</translation>
    </message>
    <message>
        <source>There is no customer with the credit code {uscc}; add the customer first</source>
        <translation>没有统一社会信用代码为 {uscc} 的客户；请先添加该客户</translation>
    </message>
    <message>
        <source>The customer {name} has been deleted; a deal needs a current customer</source>
        <translation>客户 {name} 已被删除；商机必须属于现有客户</translation>
    </message>
    <message>
        <source>Several customers are named like {name} ({existing}); give the credit code to say which</source>
        <translation>有多个客户名称与 {name} 相近（{existing}）；请填写统一社会信用代码以指明是哪一个</translation>
    </message>
    <message>
        <source>Cannot export the pipeline to {path}: the file name must end in .xlsx</source>
        <translation>无法将商机导出到 {path}：文件名必须以 .xlsx 结尾</translation>
    </message>
</context>
</TS>
