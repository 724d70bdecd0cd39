import { diplomaLevelLabels } from '../../../shared/domain/referentials';

export const diplomaLevelOptions = Object.entries(diplomaLevelLabels).map(([value, label]) => ({
  value,
  label,
}));
