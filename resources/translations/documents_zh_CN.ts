<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Documents</name>
    <message>
        <source>Deal review</source>
        <translation>商机评审报告</translation>
    </message>
    <message>
        <source>Printed {time} · playbook {playbook}</source>
        <translation>打印于 {time} · 销售手册 {playbook}</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Estimated amount</source>
        <translation>预计金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>成功率</translation>
    </message>
    <message>
        <source>Weighted amount</source>
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
        <source>Deal team</source>
        <translation>项目销售团队</translation>
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
        <source>ERP scope</source>
        <translation>ERP 范围</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>丢单原因</translation>
    </message>
    <message>
        <source>Won by</source>
        <translation>赢单对手</translation>
    </message>
    <message>
        <source>Health flags</source>
        <translation>健康提示</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>overridden: {reason}</source>
        <translation>已调整：{reason}</translation>
    </message>
    <message>
        <source>Checklist of stage {number}: {name}</source>
        <translation>第 {number} 阶段检查清单：{name}</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Ticked</source>
        <translation>勾选记录</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>（可选）</translation>
    </message>
    <message>
        <source>Exit criteria</source>
        <translation>阶段出口标准</translation>
    </message>
    <message>
        <source>Worksheets this stage requires: {names}</source>
        <translation>本阶段必填分析表：{names}</translation>
    </message>
    <message>
        <source>Answers kept from an older playbook: {codes}</source>
        <translation>旧版销售手册保留的勾选：{codes}</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>阶段历史</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>进入时间</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Overrides and reason</source>
        <translation>越过项与原因</translation>
    </message>
    <message>
        <source>now</source>
        <translation>至今</translation>
    </message>
    <message>
        <source>Went past: {items}</source>
        <translation>越过：{items}</translation>
    </message>
    <message>
        <source>No stage changes recorded.</source>
        <translation>尚无阶段变更记录。</translation>
    </message>
    <message>
        <source>Worksheets</source>
        <translation>分析表</translation>
    </message>
    <message>
        <source>No worksheets filled in yet.</source>
        <translation>尚未填写分析表。</translation>
    </message>
    <message>
        <source>The PDF font {font} cannot be used: {problem}</source>
        <translation>PDF 字体 {font} 无法使用：{problem}</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>it is not a TrueType font with glyf outlines (OpenType/CFF fonts such as Noto Sans CJK .otf cannot be embedded)</source>
        <translation>它不是带 glyf 轮廓的 TrueType 字体（Noto Sans CJK .otf 等 OpenType/CFF 字体无法嵌入）</translation>
    </message>
    <message>
        <source>reportlab&apos;s built-in CID fonts are not embedded in the PDF; name a TrueType file</source>
        <translation>reportlab 内置的 CID 字体不会嵌入 PDF，请指定 TrueType 字体文件</translation>
    </message>
    <message>
        <source>it has no glyphs for Chinese text</source>
        <translation>它没有中文字形</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 / 共 {pages} 页</translation>
    </message>
    <message>
        <source>Internal — not for customers</source>
        <translation>内部资料 · 请勿外传</translation>
    </message>
    <message>
        <source>The PDF cannot be written to {path}</source>
        <translation>无法写入 PDF 文件 {path}</translation>
    </message>
    <message>
        <source>The PDF cannot be written: the folder {folder} does not exist</source>
        <translation>无法写入 PDF 文件：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>The PDF cannot be written: the folder {folder} is read-only</source>
        <translation>无法写入 PDF 文件：文件夹 {folder} 为只读</translation>
    </message>
    <message>
        <source>The PDF cannot be written to {path}: the disk is full</source>
        <translation>无法写入 PDF 文件 {path}：磁盘已满</translation>
    </message>
    <message>
        <source>Requirements survey report</source>
        <translation>需求调研报告</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>调研</translation>
    </message>
    <message>
        <source>Survey dates</source>
        <translation>调研日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Presales consultant</source>
        <translation>售前顾问</translation>
    </message>
    <message>
        <source>Our attendees</source>
        <translation>我方参会人员</translation>
    </message>
    <message>
        <source>The customer&apos;s attendees</source>
        <translation>客户方参会人员</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Modules surveyed</source>
        <translation>调研模块数</translation>
    </message>
    <message>
        <source>Questions answered</source>
        <translation>已回答问题</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>调研发现</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>Summary of gaps</source>
        <translation>差异汇总</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Findings with a gap, deal breakers first</source>
        <translation>存在差异的发现（致命差异在前）</translation>
    </message>
    <message>
        <source>No finding has a gap.</source>
        <translation>没有存在差异的发现。</translation>
    </message>
    <message>
        <source>Departments and interviews</source>
        <translation>调研部门与访谈</translation>
    </message>
    <message>
        <source>Departments surveyed</source>
        <translation>调研部门</translation>
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
        <source>No interviews recorded.</source>
        <translation>尚未记录访谈。</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>问题与回答</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>Answers to questions no longer in the questionnaire</source>
        <translation>问卷中已删除问题的回答</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>No findings in this module.</source>
        <translation>该模块暂无调研发现。</translation>
    </message>
    <message>
        <source>Nothing has been recorded in this survey yet.</source>
        <translation>本次调研尚未记录任何内容。</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>调研结论</translation>
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
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Dated {date}</source>
        <translation>日期 {date}</translation>
    </message>
    <message>
        <source>by {author}</source>
        <translation>填写人 {author}</translation>
    </message>
    <message>
        <source>customer worksheet</source>
        <translation>客户分析表</translation>
    </message>
    <message>
        <source>deal worksheet</source>
        <translation>销售机会分析表</translation>
    </message>
    <message>
        <source>team report</source>
        <translation>团队报表</translation>
    </message>
    <message>
        <source>No rows yet.</source>
        <translation>尚无内容。</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评估项</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权得分</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>no verdict</source>
        <translation>无结论</translation>
    </message>
    <message>
        <source>Worksheet {code}: not in this playbook; its data as stored:</source>
        <translation>分析表 {code}：当前销售手册中没有此模板，以下为保存的原始数据：</translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>第 {page} 页 共 {total} 页</translation>
    </message>
    <message>
        <source>Tel. {number}</source>
        <translation>电话 {number}</translation>
    </message>
    <message>
        <source>Fax {number}</source>
        <translation>传真 {number}</translation>
    </message>
    <message>
        <source>The company logo cannot be drawn; choose another picture in the branding settings</source>
        <translation>公司标志图片无法绘制，请在品牌设置中另选一张图片</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目&amp;#x3000；录</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>提交单位</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>编写人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>ERP solution proposal</source>
        <translation>ERP 解决方案建议书</translation>
    </message>
    <message>
        <source>Prepared for {customer} to evaluate this project; please do not pass it on without our consent.</source>
        <translation>本建议书仅供{customer}评估本项目使用，未经我方许可，请勿向第三方提供。</translation>
    </message>
    <message>
        <source>Quotation</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>{number}, version {version}</source>
        <translation>{number} 第 {version} 版</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Quote number</source>
        <translation>报价单号</translation>
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
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Quoted by</source>
        <translation>报价人</translation>
    </message>
    <message>
        <source>Unit prices include VAT.</source>
        <translation>单价为含税价。</translation>
    </message>
    <message>
        <source>Unit prices exclude VAT; VAT is added at the rates shown.</source>
        <translation>单价为不含税价，增值税按所列税率另计。</translation>
    </message>
    <message>
        <source>Amounts in yuan (CNY).</source>
        <translation>金额单位：人民币元。</translation>
    </message>
    <message>
        <source>Amounts in {currency}.</source>
        <translation>金额单位：{currency}。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item / description</source>
        <translation>品名/描述</translation>
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
        <source>Disc.</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>不含税金额</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Total incl. VAT</source>
        <translation>价税合计</translation>
    </message>
    <message>
        <source>Subtotal: {group}</source>
        <translation>{group}小计</translation>
    </message>
    <message>
        <source>Total excl. VAT</source>
        <translation>不含税合计</translation>
    </message>
    <message>
        <source>VAT total</source>
        <translation>税额合计</translation>
    </message>
    <message>
        <source>Amount in words</source>
        <translation>大写金额</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>付款节点</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>比例</translation>
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
        <source>Delivery terms</source>
        <translation>交付条款</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Bank details</source>
        <translation>收款信息</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Taxpayer ID</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>签字盖章</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>报价方</translation>
    </message>
    <message>
        <source>Accepted by the customer</source>
        <translation>客户确认</translation>
    </message>
    <message>
        <source>Authorised signature:</source>
        <translation>授权代表签字：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>(Company seal)</source>
        <translation>（盖章）</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>PENDING APPROVAL</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>SUPERSEDED</source>
        <translation>已失效</translation>
    </message>
</context>
</TS>
