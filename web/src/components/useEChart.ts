import { type DependencyList, useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';

type Option = Parameters<echarts.ECharts['setOption']>[0];

/**
 * One ECharts instance bound to a div's lifetime: drawn as SVG when the figures change, resized with the window,
 * disposed when the page leaves, so no chart leaks its listeners. Each chart registers the series it draws itself.
 */
export function useEChart(option: () => Option, deps: DependencyList) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg', locale: 'EN' });
    chart.setOption(option());
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
    // The caller names what the option is drawn from: the chart is redrawn only when those change, not every render.
  }, deps);
  return element;
}
