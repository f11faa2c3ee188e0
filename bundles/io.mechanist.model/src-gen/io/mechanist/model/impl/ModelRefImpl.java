/**
 */
package io.mechanist.model.impl;

import io.mechanist.model.FileDigest;
import io.mechanist.model.MechanistPackage;
import io.mechanist.model.ModelRef;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.common.util.EMap;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.EcoreEMap;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Model Ref</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.impl.ModelRefImpl#getFolder <em>Folder</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ModelRefImpl#getArchitecture <em>Architecture</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ModelRefImpl#getFamily <em>Family</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ModelRefImpl#getNumLayers <em>Num Layers</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ModelRefImpl#getDModel <em>DModel</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ModelRefImpl#getNumHeads <em>Num Heads</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ModelRefImpl#getVocabSize <em>Vocab Size</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ModelRefImpl#getWeightDtype <em>Weight Dtype</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ModelRefImpl#getConfig <em>Config</em>}</li>
 *   <li>{@link io.mechanist.model.impl.ModelRefImpl#getFiles <em>Files</em>}</li>
 * </ul>
 *
 * @generated
 */
public class ModelRefImpl extends IdentifiedImpl implements ModelRef {
	/**
	 * The default value of the '{@link #getFolder() <em>Folder</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFolder()
	 * @generated
	 * @ordered
	 */
	protected static final String FOLDER_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getFolder() <em>Folder</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFolder()
	 * @generated
	 * @ordered
	 */
	protected String folder = FOLDER_EDEFAULT;

	/**
	 * The default value of the '{@link #getArchitecture() <em>Architecture</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getArchitecture()
	 * @generated
	 * @ordered
	 */
	protected static final String ARCHITECTURE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getArchitecture() <em>Architecture</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getArchitecture()
	 * @generated
	 * @ordered
	 */
	protected String architecture = ARCHITECTURE_EDEFAULT;

	/**
	 * The default value of the '{@link #getFamily() <em>Family</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFamily()
	 * @generated
	 * @ordered
	 */
	protected static final String FAMILY_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getFamily() <em>Family</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFamily()
	 * @generated
	 * @ordered
	 */
	protected String family = FAMILY_EDEFAULT;

	/**
	 * The default value of the '{@link #getNumLayers() <em>Num Layers</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNumLayers()
	 * @generated
	 * @ordered
	 */
	protected static final int NUM_LAYERS_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getNumLayers() <em>Num Layers</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNumLayers()
	 * @generated
	 * @ordered
	 */
	protected int numLayers = NUM_LAYERS_EDEFAULT;

	/**
	 * The default value of the '{@link #getDModel() <em>DModel</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDModel()
	 * @generated
	 * @ordered
	 */
	protected static final int DMODEL_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getDModel() <em>DModel</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDModel()
	 * @generated
	 * @ordered
	 */
	protected int dModel = DMODEL_EDEFAULT;

	/**
	 * The default value of the '{@link #getNumHeads() <em>Num Heads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNumHeads()
	 * @generated
	 * @ordered
	 */
	protected static final int NUM_HEADS_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getNumHeads() <em>Num Heads</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNumHeads()
	 * @generated
	 * @ordered
	 */
	protected int numHeads = NUM_HEADS_EDEFAULT;

	/**
	 * The default value of the '{@link #getVocabSize() <em>Vocab Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getVocabSize()
	 * @generated
	 * @ordered
	 */
	protected static final int VOCAB_SIZE_EDEFAULT = 0;

	/**
	 * The cached value of the '{@link #getVocabSize() <em>Vocab Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getVocabSize()
	 * @generated
	 * @ordered
	 */
	protected int vocabSize = VOCAB_SIZE_EDEFAULT;

	/**
	 * The default value of the '{@link #getWeightDtype() <em>Weight Dtype</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getWeightDtype()
	 * @generated
	 * @ordered
	 */
	protected static final String WEIGHT_DTYPE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getWeightDtype() <em>Weight Dtype</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getWeightDtype()
	 * @generated
	 * @ordered
	 */
	protected String weightDtype = WEIGHT_DTYPE_EDEFAULT;

	/**
	 * The cached value of the '{@link #getConfig() <em>Config</em>}' map.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getConfig()
	 * @generated
	 * @ordered
	 */
	protected EMap<String, String> config;

	/**
	 * The cached value of the '{@link #getFiles() <em>Files</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFiles()
	 * @generated
	 * @ordered
	 */
	protected EList<FileDigest> files;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected ModelRefImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MechanistPackage.Literals.MODEL_REF;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getFolder() {
		return folder;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setFolder(String newFolder) {
		String oldFolder = folder;
		folder = newFolder;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.MODEL_REF__FOLDER, oldFolder, folder));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getArchitecture() {
		return architecture;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setArchitecture(String newArchitecture) {
		String oldArchitecture = architecture;
		architecture = newArchitecture;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.MODEL_REF__ARCHITECTURE, oldArchitecture, architecture));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getFamily() {
		return family;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setFamily(String newFamily) {
		String oldFamily = family;
		family = newFamily;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.MODEL_REF__FAMILY, oldFamily, family));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getNumLayers() {
		return numLayers;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setNumLayers(int newNumLayers) {
		int oldNumLayers = numLayers;
		numLayers = newNumLayers;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.MODEL_REF__NUM_LAYERS, oldNumLayers, numLayers));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getDModel() {
		return dModel;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDModel(int newDModel) {
		int oldDModel = dModel;
		dModel = newDModel;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.MODEL_REF__DMODEL, oldDModel, dModel));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getNumHeads() {
		return numHeads;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setNumHeads(int newNumHeads) {
		int oldNumHeads = numHeads;
		numHeads = newNumHeads;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.MODEL_REF__NUM_HEADS, oldNumHeads, numHeads));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getVocabSize() {
		return vocabSize;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setVocabSize(int newVocabSize) {
		int oldVocabSize = vocabSize;
		vocabSize = newVocabSize;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.MODEL_REF__VOCAB_SIZE, oldVocabSize, vocabSize));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getWeightDtype() {
		return weightDtype;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setWeightDtype(String newWeightDtype) {
		String oldWeightDtype = weightDtype;
		weightDtype = newWeightDtype;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MechanistPackage.MODEL_REF__WEIGHT_DTYPE, oldWeightDtype, weightDtype));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EMap<String, String> getConfig() {
		if (config == null) {
			config = new EcoreEMap<String,String>(MechanistPackage.Literals.STRING_ENTRY, StringEntryImpl.class, this, MechanistPackage.MODEL_REF__CONFIG);
		}
		return config;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<FileDigest> getFiles() {
		if (files == null) {
			files = new EObjectContainmentEList<FileDigest>(FileDigest.class, this, MechanistPackage.MODEL_REF__FILES);
		}
		return files;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case MechanistPackage.MODEL_REF__CONFIG:
				return ((InternalEList<?>)getConfig()).basicRemove(otherEnd, msgs);
			case MechanistPackage.MODEL_REF__FILES:
				return ((InternalEList<?>)getFiles()).basicRemove(otherEnd, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MechanistPackage.MODEL_REF__FOLDER:
				return getFolder();
			case MechanistPackage.MODEL_REF__ARCHITECTURE:
				return getArchitecture();
			case MechanistPackage.MODEL_REF__FAMILY:
				return getFamily();
			case MechanistPackage.MODEL_REF__NUM_LAYERS:
				return getNumLayers();
			case MechanistPackage.MODEL_REF__DMODEL:
				return getDModel();
			case MechanistPackage.MODEL_REF__NUM_HEADS:
				return getNumHeads();
			case MechanistPackage.MODEL_REF__VOCAB_SIZE:
				return getVocabSize();
			case MechanistPackage.MODEL_REF__WEIGHT_DTYPE:
				return getWeightDtype();
			case MechanistPackage.MODEL_REF__CONFIG:
				if (coreType) return getConfig();
				else return getConfig().map();
			case MechanistPackage.MODEL_REF__FILES:
				return getFiles();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MechanistPackage.MODEL_REF__FOLDER:
				setFolder((String)newValue);
				return;
			case MechanistPackage.MODEL_REF__ARCHITECTURE:
				setArchitecture((String)newValue);
				return;
			case MechanistPackage.MODEL_REF__FAMILY:
				setFamily((String)newValue);
				return;
			case MechanistPackage.MODEL_REF__NUM_LAYERS:
				setNumLayers((Integer)newValue);
				return;
			case MechanistPackage.MODEL_REF__DMODEL:
				setDModel((Integer)newValue);
				return;
			case MechanistPackage.MODEL_REF__NUM_HEADS:
				setNumHeads((Integer)newValue);
				return;
			case MechanistPackage.MODEL_REF__VOCAB_SIZE:
				setVocabSize((Integer)newValue);
				return;
			case MechanistPackage.MODEL_REF__WEIGHT_DTYPE:
				setWeightDtype((String)newValue);
				return;
			case MechanistPackage.MODEL_REF__CONFIG:
				((EStructuralFeature.Setting)getConfig()).set(newValue);
				return;
			case MechanistPackage.MODEL_REF__FILES:
				getFiles().clear();
				getFiles().addAll((Collection<? extends FileDigest>)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case MechanistPackage.MODEL_REF__FOLDER:
				setFolder(FOLDER_EDEFAULT);
				return;
			case MechanistPackage.MODEL_REF__ARCHITECTURE:
				setArchitecture(ARCHITECTURE_EDEFAULT);
				return;
			case MechanistPackage.MODEL_REF__FAMILY:
				setFamily(FAMILY_EDEFAULT);
				return;
			case MechanistPackage.MODEL_REF__NUM_LAYERS:
				setNumLayers(NUM_LAYERS_EDEFAULT);
				return;
			case MechanistPackage.MODEL_REF__DMODEL:
				setDModel(DMODEL_EDEFAULT);
				return;
			case MechanistPackage.MODEL_REF__NUM_HEADS:
				setNumHeads(NUM_HEADS_EDEFAULT);
				return;
			case MechanistPackage.MODEL_REF__VOCAB_SIZE:
				setVocabSize(VOCAB_SIZE_EDEFAULT);
				return;
			case MechanistPackage.MODEL_REF__WEIGHT_DTYPE:
				setWeightDtype(WEIGHT_DTYPE_EDEFAULT);
				return;
			case MechanistPackage.MODEL_REF__CONFIG:
				getConfig().clear();
				return;
			case MechanistPackage.MODEL_REF__FILES:
				getFiles().clear();
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case MechanistPackage.MODEL_REF__FOLDER:
				return FOLDER_EDEFAULT == null ? folder != null : !FOLDER_EDEFAULT.equals(folder);
			case MechanistPackage.MODEL_REF__ARCHITECTURE:
				return ARCHITECTURE_EDEFAULT == null ? architecture != null : !ARCHITECTURE_EDEFAULT.equals(architecture);
			case MechanistPackage.MODEL_REF__FAMILY:
				return FAMILY_EDEFAULT == null ? family != null : !FAMILY_EDEFAULT.equals(family);
			case MechanistPackage.MODEL_REF__NUM_LAYERS:
				return numLayers != NUM_LAYERS_EDEFAULT;
			case MechanistPackage.MODEL_REF__DMODEL:
				return dModel != DMODEL_EDEFAULT;
			case MechanistPackage.MODEL_REF__NUM_HEADS:
				return numHeads != NUM_HEADS_EDEFAULT;
			case MechanistPackage.MODEL_REF__VOCAB_SIZE:
				return vocabSize != VOCAB_SIZE_EDEFAULT;
			case MechanistPackage.MODEL_REF__WEIGHT_DTYPE:
				return WEIGHT_DTYPE_EDEFAULT == null ? weightDtype != null : !WEIGHT_DTYPE_EDEFAULT.equals(weightDtype);
			case MechanistPackage.MODEL_REF__CONFIG:
				return config != null && !config.isEmpty();
			case MechanistPackage.MODEL_REF__FILES:
				return files != null && !files.isEmpty();
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (folder: ");
		result.append(folder);
		result.append(", architecture: ");
		result.append(architecture);
		result.append(", family: ");
		result.append(family);
		result.append(", numLayers: ");
		result.append(numLayers);
		result.append(", dModel: ");
		result.append(dModel);
		result.append(", numHeads: ");
		result.append(numHeads);
		result.append(", vocabSize: ");
		result.append(vocabSize);
		result.append(", weightDtype: ");
		result.append(weightDtype);
		result.append(')');
		return result.toString();
	}

} //ModelRefImpl
