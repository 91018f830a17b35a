export * from './kubernetesLabels';
export * from './kubernetesLabelDrift';
export * from './labelNames';
