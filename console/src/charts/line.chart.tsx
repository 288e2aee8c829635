import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A line chart of one or more series over categories (e.g. a score across evaluation periods); loaded lazily. */
export default function LineChartView({ labels, series, max, height = 260, connectNulls = true }: { labels: string[]; series: Array<{ name: string; values: Array<number | null> }>; max?: number; height?: number; /** false: a null (a withheld value) leaves a gap instead of a line across it. */ connectNulls?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      grid: { left: 8, right: 24, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      ...(series.length > 1 ? { legend: { top: 0 } } : {}),
      xAxis: { type: 'category', data: labels, boundaryGap: false },
      yAxis: { type: 'value', min: 0, ...(max !== undefined ? { max } : {}) },
      series: series.map((s, i) => ({ type: 'line', name: s.name, data: s.values, connectNulls, symbolSize: 8, ...(i === 0 ? { itemStyle: { color: '#c8102e' } } : {}) })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [labels, series, max, connectNulls]);
  return <div ref={ref} style={{ width: '100%', height }} />;
}
