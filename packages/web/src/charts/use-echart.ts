// One ECharts instance on a React element for the component's life: canvas-rendered, resized
// with its box, disposed on unmount. The chart modules register what they draw (`use` from
// `echarts/core`) before they mount, so each page's lazy chunk carries only its own charts.
import { init, type EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';

/** `setup` wires the instance's events once, when it is created. */
export function useEChart(setup?: (instance: EChartsType) => void) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const wire = useRef(setup);

  useEffect(() => {
    const instance = init(element.current!, undefined, { renderer: 'canvas' });
    chart.current = instance;
    wire.current?.(instance);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  return { element, chart };
}
