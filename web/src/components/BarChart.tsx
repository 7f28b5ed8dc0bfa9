import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatNumber } from '../format/vietnamese';
import { useEChart } from './useEChart';

// Only what the console draws is bundled (bars, axes, tooltips), rendered as SVG so screenshots are crisp.
echarts.use([EBarChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface Bar {
  label: string;
  value: number;
  color: string;
}

/** Horizontal bars, one per row of the table beside it; the table stays the accessible version of the figures. */
export function BarChart({ bars, title, max }: { bars: Bar[]; title: string; max?: number }) {
  const element = useEChart(
    () => ({
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => formatNumber(Number(v)) },
      xAxis: { type: 'value', max, axisLabel: { formatter: (v: number) => formatNumber(v) } },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisLabel: { width: 180, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => formatNumber(Number(p.value)) },
        },
      ],
    }),
    [bars, max],
  );
  return <div ref={element} className="chart" role="img" aria-label={title} style={{ height: Math.max(160, bars.length * 28 + 40) }} />;
}
