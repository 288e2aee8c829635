import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { RadarChart } from 'echarts/charts';
import { LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([RadarChart, RadarComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A radar of named axes sharing one maximum (indicator scores 0–100, DCMM area levels 0–5); loaded lazily. */
export default function RadarChartView({ axes, series, max, height = 300 }: { axes: string[]; series: Array<{ name: string; values: number[] }>; max: number; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: {},
      ...(series.length > 1 ? { legend: { bottom: 0 } } : {}),
      radar: { indicator: axes.map((name) => ({ name, max })), radius: '62%' },
      series: [{ type: 'radar', data: series.map((s, i) => ({ name: s.name, value: s.values, areaStyle: { opacity: 0.2 }, ...(i === 0 ? { itemStyle: { color: '#c8102e' } } : {}) })) }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [axes, series, max]);
  return <div ref={ref} style={{ width: '100%', height }} />;
}
