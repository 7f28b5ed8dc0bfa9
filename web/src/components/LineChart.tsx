import { LineChart as ELineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatNumber } from '../format/vietnamese';
import { useEChart } from './useEChart';

// Lines only where a page draws a course through time; BarChart registers the bars.
echarts.use([ELineChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface LinePoint {
  label: string;
  value: number | null;
}

/** One series through time (years on the x axis); the table beside it stays the accessible version of the figures. */
export function LineChart({ points, title, max }: { points: LinePoint[]; title: string; max?: number }) {
  const element = useEChart(
    () => ({
      animation: false,
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatNumber(v === null ? null : Number(v)) },
      xAxis: { type: 'category', data: points.map((p) => p.label) },
      yAxis: { type: 'value', min: 0, max, axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: [
        {
          type: 'line',
          connectNulls: false,
          symbolSize: 8,
          itemStyle: { color: '#0b5cad' },
          data: points.map((p) => p.value),
          label: { show: true, position: 'top', formatter: (p: { value: unknown }) => formatNumber(Number(p.value)) },
        },
      ],
    }),
    [points, max],
  );
  return <div ref={element} className="chart" role="img" aria-label={title} style={{ height: 280 }} />;
}
