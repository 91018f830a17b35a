export * from './kubernetesLabels';
