export * from './kubernetesLabels';
export * from './kubernetesLabelDrift';
