// Rule labelled-list-name: a labelled list's figure is a metric (its label) of what stands before the colon, else of the line's owner.

import { cleanName, isFieldLabel, isMetricWord } from '../../names.js';
import { written } from '../../text.js';
import { kpi, progress } from '../expect.js';
import type { NameRule } from '../types.js';
import { ownerName } from './owner.js';

export const labelledListName: NameRule = {
  stage: 'name',
  name: 'labelled-list-name',
  description: 'a figure of a labelled list is named by the words before the colon (without a progress word), else by the line\'s owner; its label is the metric',
  accepts: [
    { text: '关于生物识别登录。刷脸登录进度：前端 40%｜后端 30%，活体检测 SDK 仍在比选。', figure: '40%', expect: progress(40, '刷脸登录', '前端') },
    { text: '**预售尾款链路改造** [进行中]\n\n- **进度**：服务端　85%｜客户端　70%｜测试　40%', figure: '70%', expect: progress(70, '预售尾款链路改造', '客户端') },
  ],
  rejects: [{ text: '- 满意度回访：回收率 35%，满意度 96%', figure: '35%', expect: kpi(35, '回收率') }],
  give(f, _verdict, owners, lx) {
    // A figure labelled by a KPI word of its own (`回收率 35%`) is named by that label (rule kpi-label).
    if (!f.list || f.kpiWord) return undefined;
    const { start, end } = f.list.prefix;
    let raw = f.n.slice(start, end);
    const pw = f.list.progressWord ? lx.lists.progressWords.last(raw) : null;
    if (pw) raw = raw.slice(0, pw.index);
    const metric = cleanName(f.list.label, lx) || f.list.label;
    const own = raw && !isFieldLabel(raw, lx) ? cleanName(written(f.line.t, start, start + raw.length), lx) : '';
    // Before the colon a part of the work (`服务端：跨服排行榜 55%`): the label names the item, the part is its metric.
    if (own && isMetricWord(own, lx) && !isMetricWord(metric, lx)) return { project: metric, metric: own, own: true };
    if (own) return { project: own, metric, own: true };
    const o = ownerName(owners);
    return o ? { ...o, metric } : undefined;
  },
};
