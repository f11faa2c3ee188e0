/**
 */
package io.mechanist.model.impl;

import io.mechanist.model.*;

import java.util.Map;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;

import org.eclipse.emf.ecore.impl.EFactoryImpl;

import org.eclipse.emf.ecore.plugin.EcorePlugin;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model <b>Factory</b>.
 * <!-- end-user-doc -->
 * @generated
 */
public class MechanistFactoryImpl extends EFactoryImpl implements MechanistFactory {
	/**
	 * Creates the default factory implementation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public static MechanistFactory init() {
		try {
			MechanistFactory theMechanistFactory = (MechanistFactory)EPackage.Registry.INSTANCE.getEFactory(MechanistPackage.eNS_URI);
			if (theMechanistFactory != null) {
				return theMechanistFactory;
			}
		}
		catch (Exception exception) {
			EcorePlugin.INSTANCE.log(exception);
		}
		return new MechanistFactoryImpl();
	}

	/**
	 * Creates an instance of the factory.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public MechanistFactoryImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EObject create(EClass eClass) {
		switch (eClass.getClassifierID()) {
			case MechanistPackage.STORE: return createStore();
			case MechanistPackage.MODEL_REF: return createModelRef();
			case MechanistPackage.FILE_DIGEST: return createFileDigest();
			case MechanistPackage.DATASET: return createDataset();
			case MechanistPackage.PROMPT: return createPrompt();
			case MechanistPackage.CAPTURE: return createCapture();
			case MechanistPackage.HOOK_SITE_REF: return createHookSiteRef();
			case MechanistPackage.POSITION_SELECTION: return createPositionSelection();
			case MechanistPackage.SHARD: return createShard();
			case MechanistPackage.PROVENANCE: return createProvenance();
			case MechanistPackage.STORED_VECTOR: return createStoredVector();
			case MechanistPackage.ANALYSIS_RESULT: return createAnalysisResult();
			case MechanistPackage.RESULT_TABLE: return createResultTable();
			case MechanistPackage.RESULT_COLUMN: return createResultColumn();
			case MechanistPackage.RESULT_ARRAY: return createResultArray();
			case MechanistPackage.STORED_SAE: return createStoredSae();
			case MechanistPackage.STRING_ENTRY: return (EObject)createStringEntry();
			default:
				throw new IllegalArgumentException("The class '" + eClass.getName() + "' is not a valid classifier");
		}
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object createFromString(EDataType eDataType, String initialValue) {
		switch (eDataType.getClassifierID()) {
			case MechanistPackage.STORAGE_TYPE:
				return createStorageTypeFromString(eDataType, initialValue);
			case MechanistPackage.CAPTURE_STATUS:
				return createCaptureStatusFromString(eDataType, initialValue);
			case MechanistPackage.POSITION_KIND:
				return createPositionKindFromString(eDataType, initialValue);
			default:
				throw new IllegalArgumentException("The datatype '" + eDataType.getName() + "' is not a valid classifier");
		}
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String convertToString(EDataType eDataType, Object instanceValue) {
		switch (eDataType.getClassifierID()) {
			case MechanistPackage.STORAGE_TYPE:
				return convertStorageTypeToString(eDataType, instanceValue);
			case MechanistPackage.CAPTURE_STATUS:
				return convertCaptureStatusToString(eDataType, instanceValue);
			case MechanistPackage.POSITION_KIND:
				return convertPositionKindToString(eDataType, instanceValue);
			default:
				throw new IllegalArgumentException("The datatype '" + eDataType.getName() + "' is not a valid classifier");
		}
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Store createStore() {
		StoreImpl store = new StoreImpl();
		return store;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public ModelRef createModelRef() {
		ModelRefImpl modelRef = new ModelRefImpl();
		return modelRef;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public FileDigest createFileDigest() {
		FileDigestImpl fileDigest = new FileDigestImpl();
		return fileDigest;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Dataset createDataset() {
		DatasetImpl dataset = new DatasetImpl();
		return dataset;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Prompt createPrompt() {
		PromptImpl prompt = new PromptImpl();
		return prompt;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Capture createCapture() {
		CaptureImpl capture = new CaptureImpl();
		return capture;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public HookSiteRef createHookSiteRef() {
		HookSiteRefImpl hookSiteRef = new HookSiteRefImpl();
		return hookSiteRef;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public PositionSelection createPositionSelection() {
		PositionSelectionImpl positionSelection = new PositionSelectionImpl();
		return positionSelection;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Shard createShard() {
		ShardImpl shard = new ShardImpl();
		return shard;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Provenance createProvenance() {
		ProvenanceImpl provenance = new ProvenanceImpl();
		return provenance;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public StoredVector createStoredVector() {
		StoredVectorImpl storedVector = new StoredVectorImpl();
		return storedVector;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public AnalysisResult createAnalysisResult() {
		AnalysisResultImpl analysisResult = new AnalysisResultImpl();
		return analysisResult;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public ResultTable createResultTable() {
		ResultTableImpl resultTable = new ResultTableImpl();
		return resultTable;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public ResultColumn createResultColumn() {
		ResultColumnImpl resultColumn = new ResultColumnImpl();
		return resultColumn;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public ResultArray createResultArray() {
		ResultArrayImpl resultArray = new ResultArrayImpl();
		return resultArray;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public StoredSae createStoredSae() {
		StoredSaeImpl storedSae = new StoredSaeImpl();
		return storedSae;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public Map.Entry<String, String> createStringEntry() {
		StringEntryImpl stringEntry = new StringEntryImpl();
		return stringEntry;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public StorageType createStorageTypeFromString(EDataType eDataType, String initialValue) {
		StorageType result = StorageType.get(initialValue);
		if (result == null) throw new IllegalArgumentException("The value '" + initialValue + "' is not a valid enumerator of '" + eDataType.getName() + "'");
		return result;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public String convertStorageTypeToString(EDataType eDataType, Object instanceValue) {
		return instanceValue == null ? null : instanceValue.toString();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public CaptureStatus createCaptureStatusFromString(EDataType eDataType, String initialValue) {
		CaptureStatus result = CaptureStatus.get(initialValue);
		if (result == null) throw new IllegalArgumentException("The value '" + initialValue + "' is not a valid enumerator of '" + eDataType.getName() + "'");
		return result;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public String convertCaptureStatusToString(EDataType eDataType, Object instanceValue) {
		return instanceValue == null ? null : instanceValue.toString();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public PositionKind createPositionKindFromString(EDataType eDataType, String initialValue) {
		PositionKind result = PositionKind.get(initialValue);
		if (result == null) throw new IllegalArgumentException("The value '" + initialValue + "' is not a valid enumerator of '" + eDataType.getName() + "'");
		return result;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public String convertPositionKindToString(EDataType eDataType, Object instanceValue) {
		return instanceValue == null ? null : instanceValue.toString();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public MechanistPackage getMechanistPackage() {
		return (MechanistPackage)getEPackage();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @deprecated
	 * @generated
	 */
	@Deprecated
	public static MechanistPackage getPackage() {
		return MechanistPackage.eINSTANCE;
	}

} //MechanistFactoryImpl
