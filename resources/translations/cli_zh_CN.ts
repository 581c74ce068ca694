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
        <source>upgrade, back up, describe, check or restore the desk database</source>
        <translation>升级、备份、查看、检查或恢复本机数据库</translation>
    </message>
    <message>
        <source>Look after the desk database (the --db file, by default erpdesk.db in the user data directory).</source>
        <translation>维护本机数据库（--db 指定的文件，默认为用户数据目录中的 erpdesk.db）。</translation>
    </message>
    <message>
        <source>migrate the database to this version&apos;s schema (after a backup copy)</source>
        <translation>将数据库迁移到本版本的结构（先备份一份副本）</translation>
    </message>
    <message>
        <source>Migrate the database to the schema of this ERPDesk. A copy of the database as it was is written beside it first.</source>
        <translation>将数据库迁移到本版 ERPDesk 的结构。迁移前会先在原文件旁保存一份原样副本。</translation>
    </message>
    <message>
        <source>write a consistent copy of the database to FILE</source>
        <translation>将数据库的一致副本写入 FILE</translation>
    </message>
    <message>
        <source>Write a consistent copy of the database (including changes still in its write-ahead log) to FILE; the copy appears only when complete.</source>
        <translation>将数据库的一致副本（包括仍在预写日志中的更改）写入 FILE；副本只在完整写好后才出现。</translation>
    </message>
    <message>
        <source>the copy to write (default: &lt;database&gt;.backup-&lt;time&gt;.bak beside the database, where the window and &apos;db restore&apos; find it)</source>
        <translation>要写入的副本（默认：数据库旁的 &lt;database&gt;.backup-&lt;time&gt;.bak，窗口和“db restore”会在那里找到它）</translation>
    </message>
    <message>
        <source>replace FILE if it exists</source>
        <translation>FILE 已存在时覆盖它</translation>
    </message>
    <message>
        <source>show the database&apos;s file, schema, counts and pending sync operations</source>
        <translation>显示数据库的文件、结构版本、数量统计和待同步的操作</translation>
    </message>
    <message>
        <source>print the facts as JSON</source>
        <translation>以 JSON 格式输出</translation>
    </message>
    <message>
        <source>check the whole database file for damage (exit 1 when damaged)</source>
        <translation>检查整个数据库文件是否损坏（损坏时退出码为 1）</translation>
    </message>
    <message>
        <source>Run SQLite&apos;s integrity check over the whole database without writing to it. A sound database exits 0; a damaged one prints one line with the first problem and exits 1.</source>
        <translation>对整个数据库运行 SQLite 的完整性检查，不写入任何内容。数据库完好时退出码为 0；损坏时输出一行说明第一个问题，退出码为 1。</translation>
    </message>
    <message>
        <source>SQLite&apos;s quick check only (faster; skips comparing indexes with their tables)</source>
        <translation>只运行 SQLite 的快速检查（更快；不比对索引与数据表）</translation>
    </message>
    <message>
        <source>replace a damaged database by its newest backup (or FILE)</source>
        <translation>用最新的备份（或 FILE）替换已损坏的数据库</translation>
    </message>
    <message>
        <source>Replace a damaged database by a backup: FILE, or the newest backup beside it. The replaced file is kept as &lt;database&gt;.damaged-&lt;time&gt;. Close the window first.</source>
        <translation>用备份替换已损坏的数据库：FILE，或数据库旁最新的备份。被替换的文件保留为 &lt;database&gt;.damaged-&lt;time&gt;。请先关闭窗口。</translation>
    </message>
    <message>
        <source>the backup to use</source>
        <translation>要使用的备份</translation>
    </message>
    <message>
        <source>replace the database even when it is sound</source>
        <translation>即使数据库完好也进行替换</translation>
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
        <source>add realistic made-up customers, contacts, activities and deals</source>
        <translation>添加逼真的虚构客户、联系人、活动和商机</translation>
    </message>
    <message>
        <source>Add realistic made-up Chinese customers with contacts, a year of activities and deals across the funnel. Demo data is never synced to the registry.</source>
        <translation>添加逼真的虚构中国客户，包括联系人、一年的活动记录以及分布在销售漏斗各阶段的商机。演示数据从不同步到客户注册中心。</translation>
    </message>
    <message>
        <source>how many customers to add (1 to {max})</source>
        <translation>要添加的客户数量（1 至 {max}）</translation>
    </message>
    <message>
        <source>random seed; the same seed gives the same data (default: 1)</source>
        <translation>随机种子；相同的种子生成相同的数据（默认：1）</translation>
    </message>
    <message>
        <source>contacts of each customer (default: 3)</source>
        <translation>每个客户的联系人数（默认：3）</translation>
    </message>
    <message>
        <source>activities of each customer (default: 5)</source>
        <translation>每个客户的活动数（默认：5）</translation>
    </message>
    <message>
        <source>open deals to add across the seven stages, with histories, activities and worksheets (default: about a third of the customers get a deal, two open for one closed; 0 for none)</source>
        <translation>要添加的进行中商机，分布在七个阶段，含阶段历史、活动和分析表（默认：约三分之一的客户有商机，进行中与已关闭为二比一；0 表示不添加）</translation>
    </message>
    <message>
        <source>closed deals (won or lost) to add besides the open ones (default: half of --deals); e.g. --deals 20000 --closed-deals 100000</source>
        <translation>除进行中商机外要添加的已关闭商机（赢单或丢单）（默认：--deals 的一半）；例如 --deals 20000 --closed-deals 100000</translation>
    </message>
    <message>
        <source>replace the database by a new one holding only the demo customers (refused when it holds changes not yet synced); without it, the demo customers are added to an existing database</source>
        <translation>用只含演示客户的新数据库替换现有数据库（有尚未同步的更改时拒绝）；不加此选项时，演示客户添加到现有数据库中</translation>
    </message>
    <message>
        <source>make the database hold exactly N customers: keep it when it does, else replace it as --replace does (what scripts/demo.sh uses)</source>
        <translation>使数据库恰好包含 N 个客户：已是如此则保留，否则像 --replace 一样替换（scripts/demo.sh 使用此选项）</translation>
    </message>
    <message>
        <source>whom the desk acts as until someone signs in: the rep (default), a demo presales consultant (the desk opens on the presales workbench) or the demo presales lead</source>
        <translation>在有人登录之前本机以谁的身份工作：销售代表（默认）、演示售前顾问（打开售前工作台）或演示售前负责人</translation>
    </message>
    <message>
        <source>ERPDesk: the desktop workbench for ERP sales. Without a command it opens the main window.</source>
        <translation>ERPDesk：ERP 销售人员的桌面工作台。不带命令时打开主窗口。</translation>
    </message>
    <message>
        <source>after an error, also show the system&apos;s own words (in English) behind it</source>
        <translation>出错时，同时显示系统给出的原始信息（英文）</translation>
    </message>
    <message>
        <source>open the window, wait until its data is shown, save a PNG to FILE and exit</source>
        <translation>打开窗口，等数据显示后将截图保存为 PNG 文件 FILE，然后退出</translation>
    </message>
    <message>
        <source>the view to show (with --screenshot: &apos;today&apos; the day&apos;s work, &apos;editor&apos; opens the first customer, &apos;funnel&apos; shows the sales funnel&apos;s board, &apos;deal&apos; the first open deal&apos;s page, &apos;quote&apos; the newest quote in its editor, &apos;catalogue&apos; the catalogue and prices, &apos;admin&apos; and &apos;leads&apos; the registry workbenches of the signed-in account, &apos;proposal&apos; the latest deal&apos;s proposal, &apos;presales&apos; the presales workbench, &apos;presales-week&apos;, &apos;-requests&apos;, &apos;-workload&apos;, &apos;-knowledge&apos; its other tabs, &apos;presales-engagement&apos;, &apos;-demo&apos;, &apos;-survey&apos; an engagement, a demo or a survey)</source>
        <translation>要显示的视图（配合 --screenshot 使用：today 为今日工作，editor 打开第一个客户，funnel 为销售漏斗看板，deal 为第一个进行中商机的页面，quote 为编辑器中最新的报价单，catalogue 为产品目录和价格，admin 和 leads 为已登录账户的客户注册中心工作台，proposal 为最新商机的建议书，presales 为售前工作台，presales-week、-requests、-workload、-knowledge 为其其他标签页，presales-engagement、-demo、-survey 为一个售前项目、一次演示或一次调研）</translation>
    </message>
    <message>
        <source>the desk database file (default: erpdesk.db in the user data directory)</source>
        <translation>本机数据库文件（默认：用户数据目录中的 erpdesk.db）</translation>
    </message>
    <message>
        <source>language of messages and of the window (default: the system&apos;s)</source>
        <translation>消息和窗口的语言（默认：跟随系统）</translation>
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
        <source>import customers from a CSV or XLSX file</source>
        <translation>从 CSV 或 XLSX 文件导入客户</translation>
    </message>
    <message>
        <source>Import data from a spreadsheet file.</source>
        <translation>从电子表格文件导入数据。</translation>
    </message>
    <message>
        <source>customers (one per row) from CSV (UTF-8 or GBK) or XLSX</source>
        <translation>从 CSV（UTF-8 或 GBK）或 XLSX 导入客户（每行一个）</translation>
    </message>
    <message>
        <source>Import customers from a CSV (UTF-8 or GBK/GB18030) or XLSX file with a header row (Chinese or English headers, e.g. 客户名称/name, 统一社会信用代码/uscc, 电话/phone, 客户来源/source, 地区/region, 联系人/contact, 联系人手机/mobile). By default nothing is written if any row has a problem.</source>
        <translation>从带表头的 CSV（UTF-8 或 GBK/GB18030）或 XLSX 文件导入客户（表头可为中文或英文，例如 客户名称/name、统一社会信用代码/uscc、电话/phone、客户来源/source、地区/region、联系人/contact、联系人手机/mobile）。默认情况下，任何一行有问题时不写入任何内容。</translation>
    </message>
    <message>
        <source>the .csv or .xlsx file</source>
        <translation>.csv 或 .xlsx 文件</translation>
    </message>
    <message>
        <source>import the valid rows even if others are rejected</source>
        <translation>即使其他行被拒绝，也导入有效的行</translation>
    </message>
    <message>
        <source>a row that is a known customer (the same credit code, or the same name and no other credit code): skip it (default), or merge it (fill that customer&apos;s empty fields, add its contact if new). A row that only may be one (the same name with another credit code, or a region on one side only) is imported and listed, never merged</source>
        <translation>对已有客户的行（统一社会信用代码相同，或名称相同且没有不同的信用代码）：skip 跳过（默认），或 merge 合并（填写该客户的空字段，联系人为新时添加）。只是可能重复的行（名称相同但信用代码不同，或只有一方有地区）会导入并列出，从不合并</translation>
    </message>
    <message>
        <source>print the result as JSON: imported, merged, duplicates, rejected (with reasons)</source>
        <translation>以 JSON 格式输出结果：已导入、已合并、重复、被拒绝（含原因）</translation>
    </message>
    <message>
        <source>deals (one per row) of existing customers, from CSV (UTF-8 or GBK) or XLSX</source>
        <translation>从 CSV（UTF-8 或 GBK）或 XLSX 导入已有客户的商机（每行一个）</translation>
    </message>
    <message>
        <source>Import deals from a CSV (UTF-8 or GBK/GB18030) or XLSX file with a header row (Chinese or English headers: 客户名称/customer or 统一社会信用代码/uscc, 商机名称/name, 预计金额/amount, 阶段/stage (1-7, the stage&apos;s Chinese name or its code name), 预计成交日期/close_date, 负责人/owner, 竞争对手/competitors). A row whose customer does not exist, is deleted or cannot be told apart is rejected. By default nothing is written if any row has a problem.</source>
        <translation>从带表头的 CSV（UTF-8 或 GBK/GB18030）或 XLSX 文件导入商机（表头可为中文或英文：客户名称/customer 或 统一社会信用代码/uscc、商机名称/name、预计金额/amount、阶段/stage（1-7、阶段的中文名称或代码名）、预计成交日期/close_date、负责人/owner、竞争对手/competitors）。客户不存在、已删除或无法区分的行会被拒绝。默认情况下，任何一行有问题时不写入任何内容。</translation>
    </message>
    <message>
        <source>print the result as JSON: imported, rejected (with reasons), warnings</source>
        <translation>以 JSON 格式输出结果：已导入、被拒绝（含原因）、警告</translation>
    </message>
    <message>
        <source>export customers to a CSV or XLSX file</source>
        <translation>将客户导出到 CSV 或 XLSX 文件</translation>
    </message>
    <message>
        <source>Export data to a spreadsheet file.</source>
        <translation>将数据导出到电子表格文件。</translation>
    </message>
    <message>
        <source>every customer, with its first contact, in the import&apos;s columns</source>
        <translation>全部客户及其第一个联系人，使用导入时的列</translation>
    </message>
    <message>
        <source>Export every customer with its first contact to FILE (.csv: UTF-8 with BOM, opens in Excel; .xlsx), with the headers the import reads.</source>
        <translation>将全部客户及其第一个联系人导出到 FILE（.csv：带 BOM 的 UTF-8，可用 Excel 打开；或 .xlsx），表头与导入时读取的相同。</translation>
    </message>
    <message>
        <source>the open deals (all with --all) and the funnel summary, to XLSX</source>
        <translation>将进行中的商机（加 --all 则为全部）和销售漏斗汇总导出到 XLSX</translation>
    </message>
    <message>
        <source>Export the deals to FILE (.xlsx): one row per deal (customer, deal, stage, amount, probability, weighted amount, close date, owner, days in stage, next step) and a second sheet with the funnel summary. Amounts are numbers in CNY.</source>
        <translation>将商机导出到 FILE（.xlsx）：每个商机一行（客户、商机、阶段、金额、成功率、加权金额、预计成交日期、负责人、本阶段天数、下一步），第二个工作表为销售漏斗汇总。金额为以人民币元计的数字。</translation>
    </message>
    <message>
        <source>the .xlsx file</source>
        <translation>.xlsx 文件</translation>
    </message>
    <message>
        <source>also the closed deals (won and lost)</source>
        <translation>同时导出已关闭的商机（赢单和丢单）</translation>
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
        <source>write the internal deal-review PDF of a deal</source>
        <translation>生成商机的内部评审 PDF</translation>
    </message>
    <message>
        <source>Write the internal deal-review PDF of DEAL_ID: the deal, its stage checklist, stage history and worksheets, in the language of --lang.</source>
        <translation>生成 DEAL_ID 商机的内部评审 PDF：商机、阶段检查清单、阶段历史和分析表，语言由 --lang 决定。</translation>
    </message>
    <message>
        <source>the deal&apos;s id</source>
        <translation>商机编号</translation>
    </message>
    <message>
        <source>the PDF</source>
        <translation>PDF 文件</translation>
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
        <source>check a playbook file or show the one in use</source>
        <translation>检查销售手册文件，或显示正在使用的销售手册</translation>
    </message>
    <message>
        <source>The playbook (stages, checklists, worksheets) is the file resources/playbook/default.toml, or the one $ERPDESK_PLAYBOOK names.</source>
        <translation>销售手册（阶段、检查清单、分析表）是文件 resources/playbook/default.toml，或 $ERPDESK_PLAYBOOK 指定的文件。</translation>
    </message>
    <message>
        <source>check a playbook file against the schema (exit 1 with FILE:LINE: problem)</source>
        <translation>按结构规范检查销售手册文件（有问题时输出 FILE:LINE：问题，退出码为 1）</translation>
    </message>
    <message>
        <source>Check FILE (default: the playbook in use) against the schema. A good playbook prints OK with its id, version and counts; a bad one prints one line FILE:LINE: problem and exits 1.</source>
        <translation>按结构规范检查 FILE（默认：正在使用的销售手册）。合格时输出 OK 及其编号、版本和数量统计；不合格时输出一行 FILE:LINE：问题，退出码为 1。</translation>
    </message>
    <message>
        <source>the playbook file</source>
        <translation>销售手册文件</translation>
    </message>
    <message>
        <source>show the stages, checklists and worksheets of the playbook in use (or FILE)</source>
        <translation>显示正在使用的销售手册（或 FILE）的阶段、检查清单和分析表</translation>
    </message>
    <message>
        <source>print the whole playbook as JSON</source>
        <translation>以 JSON 格式输出整个销售手册</translation>
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
        <source>print reports</source>
        <translation>输出报表</translation>
    </message>
    <message>
        <source>the sales funnel: deals, amounts and weighted amounts per stage</source>
        <translation>销售漏斗：各阶段的商机、金额和加权金额</translation>
    </message>
    <message>
        <source>Print the sales funnel of the deals in the desk&apos;s database: per stage the number of open deals, their amount, the stage&apos;s probability and the weighted amount (amount x probability, rounded half-up to the fen per deal); then all open, won and lost deals. Amounts in CNY.</source>
        <translation>输出本机数据库中商机的销售漏斗：每个阶段的进行中商机数、金额、阶段成功率和加权金额（金额乘以成功率，每个商机四舍五入到分）；然后是全部进行中、赢单和丢单的商机。金额单位为人民币元。</translation>
    </message>
    <message>
        <source>only the deals of this owner</source>
        <translation>只统计该负责人的商机</translation>
    </message>
    <message>
        <source>print JSON: {&quot;currency&quot;, &quot;stages&quot;: [{&quot;stage&quot;, &quot;code&quot;, &quot;name&quot;, &quot;count&quot;, &quot;amount&quot;, &quot;probability&quot;, &quot;weighted&quot;}, ...], &quot;open&quot;, &quot;won&quot;, &quot;lost&quot;}, amounts as decimal strings</source>
        <translation>以 JSON 格式输出：{&quot;currency&quot;, &quot;stages&quot;: [{&quot;stage&quot;, &quot;code&quot;, &quot;name&quot;, &quot;count&quot;, &quot;amount&quot;, &quot;probability&quot;, &quot;weighted&quot;}, ...], &quot;open&quot;, &quot;won&quot;, &quot;lost&quot;}，金额为十进制字符串</translation>
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
        <source>a deal&apos;s solution proposal: its PDF, its text, its benefit figures</source>
        <translation>商机的解决方案建议书：PDF、正文和效益数据</translation>
    </message>
    <message>
        <source>The solution proposal (解决方案建议书) of a deal, or of a customer. TARGET is a deal&apos;s id, or a customer&apos;s name or credit code.</source>
        <translation>商机或客户的解决方案建议书。TARGET 为商机编号，或客户名称或统一社会信用代码。</translation>
    </message>
    <message>
        <source>write the proposal PDF</source>
        <translation>生成建议书 PDF</translation>
    </message>
    <message>
        <source>Write the proposal of TARGET as a PDF: cover, contents, the sections generated from the customer, the deal, its worksheets, the catalogue, the quote and the benefit model (or as edited). --lang chooses its language (default: the proposal&apos;s own, zh_CN for a new one).</source>
        <translation>将 TARGET 的建议书生成为 PDF：封面、目录，以及根据客户、商机、分析表、产品目录、报价单和效益模型生成（或经编辑）的各章节。--lang 选择语言（默认：建议书自身的语言，新建议书为 zh_CN）。</translation>
    </message>
    <message>
        <source>a deal&apos;s id, or a customer&apos;s name or USCC</source>
        <translation>商机编号，或客户名称或统一社会信用代码</translation>
    </message>
    <message>
        <source>the PDF to write</source>
        <translation>要生成的 PDF 文件</translation>
    </message>
    <message>
        <source>print the proposal&apos;s sections and benefit figures</source>
        <translation>输出建议书的各章节和效益数据</translation>
    </message>
    <message>
        <source>Print the proposal of TARGET section by section (generated, or as edited) with the benefit model&apos;s figures; --json prints them as JSON.</source>
        <translation>逐章输出 TARGET 的建议书（生成的或经编辑的）及效益模型的数据；--json 以 JSON 格式输出。</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>以 JSON 格式输出</translation>
    </message>
    <message>
        <source>set benefit figures and section choices, and save the proposal</source>
        <translation>设置效益数据和章节选择，并保存建议书</translation>
    </message>
    <message>
        <source>Change the proposal of TARGET and save it. Benefit figures: {figures}. Sections: {sections}.</source>
        <translation>修改并保存 TARGET 的建议书。效益数据项：{figures}。章节：{sections}。</translation>
    </message>
    <message>
        <source>a benefit figure, e.g. inventory_value=800万 or carrying_cost_rate=20%% (an empty VALUE clears it)</source>
        <translation>一项效益数据，例如 inventory_value=800万 或 carrying_cost_rate=20%%（VALUE 为空时清除该项）</translation>
    </message>
    <message>
        <source>leave a section out</source>
        <translation>不包含某一章节</translation>
    </message>
    <message>
        <source>put a section back</source>
        <translation>重新包含某一章节</translation>
    </message>
    <message>
        <source>replace a section&apos;s generated text by the UTF-8 text of FILE</source>
        <translation>用 FILE 中的 UTF-8 文本替换某一章节的生成文本</translation>
    </message>
    <message>
        <source>go back to a section&apos;s generated text</source>
        <translation>恢复某一章节的生成文本</translation>
    </message>
    <message>
        <source>the proposal&apos;s title (empty: the default title)</source>
        <translation>建议书标题（为空：使用默认标题）</translation>
    </message>
    <message>
        <source>the proposal&apos;s language</source>
        <translation>建议书的语言</translation>
    </message>
    <message>
        <source>years of the return on investment (1-10)</source>
        <translation>投资回报的计算年数（1-10）</translation>
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
        <source>the quote number, Q-...</source>
        <translation>报价单编号，Q-...</translation>
    </message>
    <message>
        <source>that version (default: the latest)</source>
        <translation>指定版本（默认：最新版本）</translation>
    </message>
    <message>
        <source>make, list, approve, send and print quotes</source>
        <translation>新建、列出、审批、发送和打印报价单</translation>
    </message>
    <message>
        <source>Quotes (报价单): versions of a numbered offer to a customer.</source>
        <translation>报价单：给客户的带编号报价及其各个版本。</translation>
    </message>
    <message>
        <source>make a quote from a file of lines</source>
        <translation>根据明细行文件新建报价单</translation>
    </message>
    <message>
        <source>Make a quote of CUSTOMER (its name or its credit code) from a CSV (UTF-8 or GBK) or XLSX file of lines with a header row: item/品名, description/描述, quantity/数量, unit/单位, unit_price/单价, discount/折扣 (percent), vat_rate/税率, group/类别. A line whose discount is above your limit makes the quote wait for a manager&apos;s approval. Nothing is written if any row has a problem.</source>
        <translation>根据带表头的 CSV（UTF-8 或 GBK）或 XLSX 明细行文件为 CUSTOMER（客户名称或统一社会信用代码）新建报价单：item/品名、description/描述、quantity/数量、unit/单位、unit_price/单价、discount/折扣（百分比）、vat_rate/税率、group/类别。折扣超出您权限的明细行会使报价单等待经理审批。任何一行有问题时不写入任何内容。</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>the deal&apos;s id (one of the customer&apos;s)</source>
        <translation>商机编号（须为该客户的商机）</translation>
    </message>
    <message>
        <source>the lines file</source>
        <translation>明细行文件</translation>
    </message>
    <message>
        <source>unit prices include VAT (含税, the default)</source>
        <translation>单价含增值税（含税，默认）</translation>
    </message>
    <message>
        <source>unit prices exclude VAT (不含税)</source>
        <translation>单价不含增值税（不含税）</translation>
    </message>
    <message>
        <source>the quote&apos;s title</source>
        <translation>报价单标题</translation>
    </message>
    <message>
        <source>last valid day (default: the settings&apos; days on)</source>
        <translation>有效期最后一天（默认：按设置中的有效天数推算）</translation>
    </message>
    <message>
        <source>the language the quote is printed in (default: zh_CN)</source>
        <translation>报价单打印使用的语言（默认：zh_CN）</translation>
    </message>
    <message>
        <source>print {&quot;number&quot;, &quot;version&quot;, &quot;status&quot;, &quot;lines&quot;: [{&quot;net&quot;, &quot;vat&quot;, &quot;total&quot;}, ...], &quot;net&quot;, &quot;vat&quot;, &quot;total&quot;, &quot;total_in_words&quot;}, amounts as decimal strings</source>
        <translation>输出 {&quot;number&quot;, &quot;version&quot;, &quot;status&quot;, &quot;lines&quot;: [{&quot;net&quot;, &quot;vat&quot;, &quot;total&quot;}, ...], &quot;net&quot;, &quot;vat&quot;, &quot;total&quot;, &quot;total_in_words&quot;}，金额为十进制字符串</translation>
    </message>
    <message>
        <source>list quotes (the latest version of each)</source>
        <translation>列出报价单（每份的最新版本）</translation>
    </message>
    <message>
        <source>List the quotes, newest first: the latest version of each number.</source>
        <translation>列出报价单（最新的在前）：每个编号的最新版本。</translation>
    </message>
    <message>
        <source>only this customer&apos;s</source>
        <translation>只列出该客户的</translation>
    </message>
    <message>
        <source>only this deal&apos;s</source>
        <translation>只列出该商机的</translation>
    </message>
    <message>
        <source>only in this status (draft, sent ...)</source>
        <translation>只列出该状态的（draft 草稿、sent 已发送……）</translation>
    </message>
    <message>
        <source>every version</source>
        <translation>所有版本</translation>
    </message>
    <message>
        <source>show a quote: lines, totals, approvals</source>
        <translation>显示报价单：明细行、合计、审批</translation>
    </message>
    <message>
        <source>make a new version of a quote (a copy of its latest)</source>
        <translation>新建报价单的新版本（复制最新版本）</translation>
    </message>
    <message>
        <source>Make a new version of NUMBER: a draft copy of its latest version, dated today. The latest is superseded unless the customer has it (sent).</source>
        <translation>新建 NUMBER 的新版本：最新版本的草稿副本，日期为今天。除非客户已收到（已发送），否则最新版本将失效。</translation>
    </message>
    <message>
        <source>record a manager&apos;s decision on a discount</source>
        <translation>记录经理对折扣的审批决定</translation>
    </message>
    <message>
        <source>Approve (or with --reject reject) the discount of a quote waiting for approval. The approver must not be the quote&apos;s author.</source>
        <translation>批准（加 --reject 则驳回）等待审批的报价单折扣。审批人不能是报价单的制作人。</translation>
    </message>
    <message>
        <source>who decides</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>reject the discount</source>
        <translation>驳回折扣</translation>
    </message>
    <message>
        <source>why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>mark a quote as sent to the customer (freezes the version)</source>
        <translation>将报价单标记为已发送给客户（冻结该版本）</translation>
    </message>
    <message>
        <source>record that the customer accepted a sent quote</source>
        <translation>记录客户已接受已发送的报价单</translation>
    </message>
    <message>
        <source>record that the customer declined a sent quote</source>
        <translation>记录客户已拒绝已发送的报价单</translation>
    </message>
    <message>
        <source>write the quote&apos;s PDF</source>
        <translation>生成报价单 PDF</translation>
    </message>
    <message>
        <source>Write the PDF of NUMBER (its latest version unless --version) in the quote&apos;s language, with the company&apos;s branding.</source>
        <translation>以报价单的语言、带公司品牌生成 NUMBER 的 PDF（除非指定 --version，否则为最新版本）。</translation>
    </message>
    <message>
        <source>print it in this language instead of the quote&apos;s own (the quote is not changed)</source>
        <translation>改用该语言打印，而不是报价单自身的语言（报价单本身不变）</translation>
    </message>
    <message>
        <source>show or set the rep code, discount limit and validity</source>
        <translation>显示或设置销售代码、折扣权限和有效期</translation>
    </message>
    <message>
        <source>Show the quote settings, or set those given.</source>
        <translation>显示报价设置，或设置所给出的项。</translation>
    </message>
    <message>
        <source>1-12 letters or digits</source>
        <translation>1-12 位字母或数字</translation>
    </message>
    <message>
        <source>percent, 0-100</source>
        <translation>百分比，0-100</translation>
    </message>
    <message>
        <source>1-365</source>
        <translation>1-365 天</translation>
    </message>
    <message>
        <source>show, import or export the catalogue</source>
        <translation>显示、导入或导出产品目录</translation>
    </message>
    <message>
        <source>The catalogue (产品目录) quotes are made from: the desk&apos;s own (imported) or the shipped one.</source>
        <translation>制作报价单所用的产品目录：本机自有的（导入的）或随软件提供的。</translation>
    </message>
    <message>
        <source>the items and today&apos;s prices</source>
        <translation>产品及今日价格</translation>
    </message>
    <message>
        <source>print the whole catalogue as JSON</source>
        <translation>以 JSON 格式输出整个产品目录</translation>
    </message>
    <message>
        <source>replace the catalogue by an XLSX file</source>
        <translation>用 XLSX 文件替换产品目录</translation>
    </message>
    <message>
        <source>Read FILE.xlsx (the layout catalogue export writes) and make it the desk&apos;s catalogue; a file with any problem is refused whole, with every problem.</source>
        <translation>读取 FILE.xlsx（格式同 catalogue export 写出的文件）并将其作为本机的产品目录；文件有任何问题时整个拒绝，并列出所有问题。</translation>
    </message>
    <message>
        <source>write the catalogue to an XLSX file</source>
        <translation>将产品目录写入 XLSX 文件</translation>
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
        <source>print a list of {&quot;id&quot;, &quot;customer_id&quot;, &quot;customer&quot;, &quot;deal_id&quot;, &quot;deal&quot;, &quot;kind&quot;, &quot;state&quot;, &quot;requested_by&quot;, &quot;team&quot;, &quot;consultant&quot;, &quot;wanted_from&quot;, &quot;wanted_until&quot;, &quot;modules&quot;, &quot;engagement&quot;: null or {&quot;id&quot;, &quot;step&quot;, &quot;step_code&quot;, &quot;technical_win&quot;, &quot;closed&quot;}}; codes and ISO dates, deal and dates null when absent</source>
        <translation>输出列表 {&quot;id&quot;, &quot;customer_id&quot;, &quot;customer&quot;, &quot;deal_id&quot;, &quot;deal&quot;, &quot;kind&quot;, &quot;state&quot;, &quot;requested_by&quot;, &quot;team&quot;, &quot;consultant&quot;, &quot;wanted_from&quot;, &quot;wanted_until&quot;, &quot;modules&quot;, &quot;engagement&quot;: null 或 {&quot;id&quot;, &quot;step&quot;, &quot;step_code&quot;, &quot;technical_win&quot;, &quot;closed&quot;}}；使用代码和 ISO 日期，没有商机或日期时为 null</translation>
    </message>
    <message>
        <source>list support requests, export demos and surveys to a calendar</source>
        <translation>列出支持申请，将演示和调研导出到日历</translation>
    </message>
    <message>
        <source>Presales (售前): support requests, their engagements, demos and surveys.</source>
        <translation>售前：支持申请及其售前项目、演示和调研。</translation>
    </message>
    <message>
        <source>list support requests with their engagement&apos;s step and technical win</source>
        <translation>列出支持申请及其售前项目的步骤和技术赢单情况</translation>
    </message>
    <message>
        <source>List the support requests on this desk, newest first, with their engagement&apos;s step (1-8) and technical win.</source>
        <translation>列出本机上的支持申请（最新的在前），以及其售前项目的步骤（1-8）和技术赢单情况。</translation>
    </message>
    <message>
        <source>only the signed-in user&apos;s: a rep&apos;s requests, a consultant&apos;s assignments, and for a presales lead also the requests waiting for a decision or an assignment</source>
        <translation>只列出已登录用户的：销售代表的申请、售前顾问的分派任务；售前负责人还包括等待决定或分派的申请</translation>
    </message>
    <message>
        <source>only requests in this state (draft, submitted, accepted, declined, assigned, in_progress, done, cancelled)</source>
        <translation>只列出该状态的申请（draft 草稿、submitted 已提交、accepted 已接受、declined 已拒绝、assigned 已分派、in_progress 进行中、done 已完成、cancelled 已取消）</translation>
    </message>
    <message>
        <source>write your demos, surveys and visits to an .ics calendar file</source>
        <translation>将您的演示、调研和拜访写入 .ics 日历文件</translation>
    </message>
    <message>
        <source>Write the signed-in user&apos;s planned and done demos and surveys that start in the period, and the customer visits logged on this desk in it, to FILE (iCalendar, for Outlook, Google or Apple Calendar): the customer and deal in the title, the place (or online) as location, the attendees in the description. Exporting again updates the entries already imported.</source>
        <translation>将已登录用户在该期间开始的计划中和已完成的演示与调研，以及本机在该期间记录的客户拜访，写入 FILE（iCalendar 格式，可导入 Outlook、Google 或 Apple 日历）：标题中含客户和商机，地点（或线上）作为位置，参加人员写在描述中。再次导出会更新已导入的条目。</translation>
    </message>
    <message>
        <source>the .ics file to write (replaced if it exists)</source>
        <translation>要写入的 .ics 文件（已存在时覆盖）</translation>
    </message>
    <message>
        <source>the first day, 2026-12-31 (default: today)</source>
        <translation>第一天，格式如 2026-12-31（默认：今天）</translation>
    </message>
    <message>
        <source>how many days from the first (default: 30)</source>
        <translation>从第一天起的天数（默认：30）</translation>
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
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>subcommands</source>
        <translation>子命令</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示本帮助信息并退出</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <source>{prog}: error: {message}
</source>
        <translation>{prog}：错误：{message}
</translation>
    </message>
    <message>
        <source>argument {argument_name}: {message}</source>
        <translation>参数 {argument_name}：{message}</translation>
    </message>
    <message>
        <source>the following arguments are required: {0}</source>
        <translation>缺少必需的参数：{0}</translation>
    </message>
    <message>
        <source>one of the arguments {0} is required</source>
        <translation>必须给出以下参数之一：{0}</translation>
    </message>
    <message>
        <source>unrecognized arguments: {0}</source>
        <translation>无法识别的参数：{0}</translation>
    </message>
    <message>
        <source>invalid choice: {value} (choose from {choices})</source>
        <translation>无效的选项：{value}（可选：{choices}）</translation>
    </message>
    <message>
        <source>invalid {type} value: {value}</source>
        <translation>无效的值（{type}）：{value}</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多只能有一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <source>expected {0} argument</source>
        <translation>需要 {0} 个值</translation>
    </message>
    <message>
        <source>expected {0} arguments</source>
        <translation>需要 {0} 个值</translation>
    </message>
    <message>
        <source>not allowed with argument {0}</source>
        <translation>不能与参数 {0} 同时使用</translation>
    </message>
    <message>
        <source>ignored explicit argument {0}</source>
        <translation>多余的参数值 {0}</translation>
    </message>
    <message>
        <source>ambiguous option: {option} could match {matches}</source>
        <translation>选项不明确：{option} 可能是 {matches}</translation>
    </message>
    <message>
        <source>unexpected option string: {0}</source>
        <translation>意外的选项：{0}</translation>
    </message>
    <message>
        <source>unknown parser {parser_name} (choices: {choices})</source>
        <translation>未知的命令 {parser_name}（可选：{choices}）</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;{filename}&apos;: {error}</source>
        <translation>无法打开“{filename}”：{error}</translation>
    </message>
    <message>
        <source>The system said: {original}</source>
        <translation>系统原始信息：{original}</translation>
    </message>
    <message>
        <source>sign in to the registry</source>
        <translation>登录客户注册中心</translation>
    </message>
    <message>
        <source>the registry, e.g. https://registry.example.com</source>
        <translation>客户注册中心的地址，例如 https://registry.example.com</translation>
    </message>
    <message>
        <source>read the password from the first line of standard input</source>
        <translation>从标准输入的第一行读取密码</translation>
    </message>
    <message>
        <source>sign out (forget the token)</source>
        <translation>退出登录（清除令牌）</translation>
    </message>
    <message>
        <source>send this desk&apos;s changes and receive others&apos;</source>
        <translation>发送本机的更改并接收其他人的更改</translation>
    </message>
    <message>
        <source>sign in again with the password on standard input if needed</source>
        <translation>需要时用标准输入中的密码重新登录</translation>
    </message>
    <message>
        <source>what is waiting, conflicts, the last sync</source>
        <translation>待同步的内容、冲突和上次同步</translation>
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
        <translation>被客户注册中心拒绝，已保留待以后处理：{entity} {id}：{reason}</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {seconds} seconds off the registry&apos;s; set the right time</source>
        <translation>本机时钟与客户注册中心相差 {seconds} 秒；请校正时间</translation>
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
        <source>The import was cancelled; nothing was written</source>
        <translation>导入已取消，未写入任何数据</translation>
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
